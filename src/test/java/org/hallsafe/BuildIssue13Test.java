package org.hallsafe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonParserFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13, item 8: build hygiene that a newcomer's IDE and the Maven wrapper rely on. */
class BuildIssue13Test {

    @Test
    @SuppressWarnings("unchecked")
    void r13_8_theHallsafeSettingsAreDocumentedForIdes() throws IOException {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("spring-boot-configuration-processor writes the metadata").isNotNull();
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Map<String, Object>> properties = (List<Map<String, Object>>) JsonParserFactory.getJsonParser()
                .parseMap(json).get("properties");
        Map<String, Map<String, Object>> byName = properties.stream()
                .collect(Collectors.toMap(p -> (String) p.get("name"), p -> p, (a, b) -> a));
        // from the records' javadoc, with their defaults
        assertThat(byName).containsKeys("hallsafe.security.password-strength", "hallsafe.jobs.run-on-schedule");
        assertThat(String.valueOf(byName.get("hallsafe.security.password-strength").get("defaultValue"))).isEqualTo("10");
        assertThat(String.valueOf(byName.get("hallsafe.jobs.run-on-schedule").get("defaultValue"))).isEqualTo("true");
        assertThat(byName).containsKeys("hallsafe.security.max-failed-sign-ins", "hallsafe.deliveries.poll",
                "hallsafe.rate-limit.exempt-addresses");
        // and those read with @Value, from additional-spring-configuration-metadata.json
        assertThat(byName).containsKeys("hallsafe.scheduling", "hallsafe.db.busy-wait", "hallsafe.sms.gateway-url");
    }

    @Test
    void r13_8_theMavenWrapperChecksTheMavenItDownloads() throws IOException {
        Properties wrapper = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(".mvn/wrapper/maven-wrapper.properties"))) {
            wrapper.load(in);
        }
        assertThat(wrapper.getProperty("distributionUrl")).endsWith("-bin.zip");
        assertThat(wrapper.getProperty("distributionSha256Sum")).matches("[0-9a-f]{64}");
    }
}
