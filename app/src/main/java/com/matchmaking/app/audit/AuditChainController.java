package com.matchmaking.app.audit;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Compliance checks that nobody has tampered with the event log since it was sealed. */
@Controller
class AuditChainController {

    private final AuditChain chain;

    AuditChainController(AuditChain chain) {
        this.chain = chain;
    }

    @QueryMapping
    AuditChain.Report verifyAuditChain() {
        return chain.verify();
    }
}
