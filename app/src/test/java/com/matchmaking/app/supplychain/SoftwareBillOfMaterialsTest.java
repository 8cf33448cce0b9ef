package com.matchmaking.app.supplychain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The build writes a CycloneDX SBOM into the application itself, naming every dependency with its version. */
class SoftwareBillOfMaterialsTest {

    @Test
    void theApplicationCarriesACycloneDxBillOfItsDependencies() throws Exception {
        ClassPathResource sbom = new ClassPathResource("META-INF/sbom/application.cdx.json");
        assertThat(sbom.exists()).as("written by the build before the tests run").isTrue();

        JsonNode bom = new ObjectMapper().readTree(sbom.getInputStream());
        List<String> components = new ArrayList<>();
        bom.path("components").forEach(c -> components.add(c.path("group").asText() + ":" + c.path("name").asText()
                + ":" + c.path("version").asText()));

        assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(components).contains("com.google.crypto.tink:tink:1.24.0", "org.axonframework:axon-eventsourcing:4.13.0",
                "com.matchmaking:keys:0.1.0-SNAPSHOT");
        assertThat(components).anyMatch(c -> c.startsWith("org.postgresql:postgresql:"));
    }
}
