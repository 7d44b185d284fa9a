package org.hallsafe.screening;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.shared.IdNumber;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 item 2 on a 360 px phone: the screener at the exit sees who is in and records a leaving with one tap. */
@HallSafeTest
@BrowserTest
class Issue17ExitBrowserTest {

    @LocalServerPort int port;
    @Autowired TestHall halls;
    @Autowired JdbcClient jdbc;

    private long admit(TestHall.Hall hall, String name, String first17) throws Exception {
        String body = """
                {"submissionId":"%s","personType":"CITIZEN","name":"%s","docType":"ID_CARD","docNo":"%s",
                 "phone":"13611112222","mask":"N95_KN95","temperature":36.4,"noSymptoms":true}"""
                .formatted(UUID.randomUUID(), name, first17 + IdNumber.checkCharacter(first17));
        String auth = "Basic " + Base64.getEncoder().encodeToString((hall.screener() + ":" + TestAccounts.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/screening/screenings"))
                .header("Content-Type", "application/json").header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return jdbc.sql("SELECT max(id) FROM screenings WHERE site_id = :site").param("site", hall.siteId())
                .query(Long.class).single();
    }

    @Test
    void r17_2_aScreenerOnA360PxPhoneTapsLeaveOnceAndTheVisitorLeavesTheList() throws Exception {
        TestHall.Hall hall = halls.create();
        long first = admit(hall, "郑秀英", "43090219760304002");
        long second = admit(hall, "欧阳明华", "43090219810512003");
        try (Browser b = new Browser(port)) {
            b.driver().manage().window().setSize(new Dimension(360, 800));
            b.signIn(hall.screener(), TestAccounts.PASSWORD);
            b.open("/screening/today");
            b.click(By.id("gate-exit-link"));
            b.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("in-hall")));
            assertThat(b.text(By.id("in-hall"))).contains("郑秀英").contains("欧阳明华");
            assertThat(b.driver().switchTo().activeElement().getAttribute("id")).as("the scanner types into the field")
                    .isEqualTo("bookingCode");
            assertThat(((JavascriptExecutor) b.driver()).executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth")).as("nothing wider than 360 px")
                    .isEqualTo(true);
            var button = b.driver().findElement(By.id("leave-" + first));
            assertThat(button.getSize().getHeight()).as("a big button").isGreaterThanOrEqualTo(44);
            b.screenshot("r17-exit-phone-list");

            b.click(By.id("leave-" + first));
            b.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("exit-result")));
            assertThat(b.text(By.id("exit-result"))).contains("郑秀英").contains("已登记离开");
            assertThat(b.driver().findElements(By.id("leave-" + first))).isEmpty();
            assertThat(b.driver().findElements(By.id("leave-" + second))).hasSize(1);
            b.screenshot("r17-exit-phone-left");
        }
        assertThat(jdbc.sql("SELECT left_by FROM screenings WHERE id = :id").param("id", first).query(String.class).single())
                .isEqualTo(hall.screener());
    }
}
