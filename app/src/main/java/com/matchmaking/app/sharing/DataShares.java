package com.matchmaking.app.sharing;

import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.access.MemberDataShared;
import com.matchmaking.schema.consent.ConsentGranted;
import com.matchmaking.schema.consent.ConsentPurpose;
import com.matchmaking.schema.consent.ConsentWithdrawn;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.sharing.ApproveDataShare;
import com.matchmaking.schema.sharing.DataShareApproved;
import com.matchmaking.schema.sharing.DataShareCancelled;
import com.matchmaking.schema.sharing.DataShareConsented;
import com.matchmaking.schema.sharing.DataShareRefused;
import com.matchmaking.schema.sharing.DataShareRequested;
import com.matchmaking.schema.sharing.DataShareStatus;
import com.matchmaking.schema.sharing.ProduceDataSharePackage;
import com.matchmaking.schema.sharing.RequestDataShare;
import com.matchmaking.schema.sharing.RespondToDataShare;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member's third-party shares, inside the member aggregate: staff ask, the member consents (which needs their
 * standing consent to third-party sharing), someone other than the requester approves, and the requester collects the
 * package once. The member may refuse until the package is produced.
 */
public class DataShares {

    private Map<UUID, ShareProgress> shares = new HashMap<>();
    /** The member's standing consent to third-party sharing, which every share waits on. */
    private boolean sharingConsented;

    /** One share: who asked for it, which fields, and where it stands. */
    record ShareProgress(UUID requesterId, Set<ProfileField> fields, DataShareStatus status) {
        ShareProgress to(DataShareStatus next) {
            return new ShareProgress(requesterId, fields, next);
        }
    }

    public DataShares() {
        // Made by the member aggregate, and by Jackson for snapshots.
    }

    @CommandHandler
    void handle(RequestDataShare command) {
        if (command.fields().isEmpty()) {
            throw RequestRejectedException.badRequest(MessageKey.FIELDS_NOT_EMPTY);
        }
        if (shares.containsKey(command.shareId())) {
            throw RequestRejectedException.conflict(MessageKey.SHARE_EXISTS);
        }
        apply(new DataShareRequested(command.memberId(), command.shareId(), command.requesterId(), command.requesterRole(),
                command.recipient(), command.purpose(), command.fields(), command.requestedAt()));
    }

    @CommandHandler
    void handle(RespondToDataShare command) {
        ShareProgress share = share(command.shareId());
        if (command.consent()) {
            if (share.status() == DataShareStatus.CONSENTED || share.status() == DataShareStatus.APPROVED) {
                return;
            }
            if (share.status() != DataShareStatus.REQUESTED) {
                throw RequestRejectedException.conflict(MessageKey.SHARE_CANNOT_CONSENT, share.status());
            }
            if (!sharingConsented) {
                throw RequestRejectedException.badRequest(MessageKey.SHARING_NEEDS_CONSENT);
            }
            apply(new DataShareConsented(command.memberId(), command.shareId(), command.at()));
        } else {
            if (share.status() == DataShareStatus.REFUSED) {
                return;
            }
            if (!share.status().open()) {
                throw RequestRejectedException.conflict(MessageKey.SHARE_CANNOT_REFUSE, share.status());
            }
            apply(new DataShareRefused(command.memberId(), command.shareId(), command.at()));
        }
    }

    @CommandHandler
    void handle(ApproveDataShare command) {
        ShareProgress share = share(command.shareId());
        if (share.requesterId().equals(command.approverId())) {
            throw RequestRejectedException.forbidden(MessageKey.SHARE_APPROVER_IS_REQUESTER);
        }
        if (share.status() == DataShareStatus.APPROVED) {
            return;
        }
        if (share.status() != DataShareStatus.CONSENTED) {
            throw RequestRejectedException.conflict(MessageKey.SHARE_NOT_CONSENTED, share.status());
        }
        if (!sharingConsented) {
            throw RequestRejectedException.conflict(MessageKey.SHARING_CONSENT_WITHDRAWN);
        }
        apply(new DataShareApproved(command.memberId(), command.shareId(), command.approverId(), command.approvedAt()));
    }

    @CommandHandler
    void handle(ProduceDataSharePackage command) {
        ShareProgress share = share(command.shareId());
        if (!share.requesterId().equals(command.staffId())) {
            throw RequestRejectedException.forbidden(MessageKey.SHARE_COLLECTOR_NOT_REQUESTER);
        }
        if (share.status() == DataShareStatus.SHARED) {
            throw RequestRejectedException.conflict(MessageKey.SHARE_ALREADY_PRODUCED);
        }
        if (share.status() != DataShareStatus.APPROVED) {
            throw RequestRejectedException.conflict(MessageKey.SHARE_NOT_APPROVED, share.status());
        }
        apply(new MemberDataShared(command.memberId(), command.shareId(), command.staffId(), command.staffRole(),
                share.fields(), command.producedAt()));
    }

    /**
     * The member withdrew their consent to third-party sharing: what depended on it stops with it, so no open share
     * can go ahead any more. Called by the member aggregate, in the command that withdrew the consent.
     */
    public void cancelOpenShares(UUID memberId, Instant at) {
        shares.entrySet().stream()
                .filter(e -> e.getValue().status().open())
                .map(Map.Entry::getKey)
                .sorted()
                .toList()
                .forEach(shareId -> apply(new DataShareCancelled(memberId, shareId, at)));
    }

    private ShareProgress share(UUID shareId) {
        ShareProgress share = shares.get(shareId);
        if (share == null) {
            throw RequestRejectedException.notFound(MessageKey.NO_SUCH_SHARE);
        }
        return share;
    }

    @EventSourcingHandler
    void on(MemberRegistered event) {
        sharingConsented = event.consents().contains(ConsentPurpose.THIRD_PARTY_SHARING);
    }

    @EventSourcingHandler
    void on(ConsentGranted event) {
        if (event.purpose() == ConsentPurpose.THIRD_PARTY_SHARING) {
            sharingConsented = true;
        }
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event) {
        if (event.purpose() == ConsentPurpose.THIRD_PARTY_SHARING) {
            sharingConsented = false;
        }
    }

    @EventSourcingHandler
    void on(DataShareRequested event) {
        shares.put(event.shareId(), new ShareProgress(event.requesterId(), Set.copyOf(event.fields()), DataShareStatus.REQUESTED));
    }

    @EventSourcingHandler
    void on(DataShareConsented event) {
        shares.computeIfPresent(event.shareId(), (id, share) -> share.to(DataShareStatus.CONSENTED));
    }

    @EventSourcingHandler
    void on(DataShareRefused event) {
        shares.computeIfPresent(event.shareId(), (id, share) -> share.to(DataShareStatus.REFUSED));
    }

    @EventSourcingHandler
    void on(DataShareApproved event) {
        shares.computeIfPresent(event.shareId(), (id, share) -> share.to(DataShareStatus.APPROVED));
    }

    @EventSourcingHandler
    void on(MemberDataShared event) {
        shares.computeIfPresent(event.shareId(), (id, share) -> share.to(DataShareStatus.SHARED));
    }

    @EventSourcingHandler
    void on(DataShareCancelled event) {
        shares.computeIfPresent(event.shareId(), (id, share) -> share.to(DataShareStatus.CANCELLED));
    }
}
