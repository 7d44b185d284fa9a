package org.hallsafe.tracing;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.platform.Role;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.shared.DocumentType;
import org.hallsafe.shared.IdNumber;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 item 4 as the office does it: a trace's page, 导出名单, the list with full phones; 上报领导小组 once. */
@HallSafeTest
@BrowserTest
class Issue17TraceExportBrowserTest {

    @LocalServerPort int port;
    @Autowired TestHall halls;
    @Autowired Traces traces;

    private final HttpClient http = HttpClient.newHttpClient();

    private String admit(TestHall.Hall hall, String name, String first17, String phone) throws Exception {
        String docNo = first17 + IdNumber.checkCharacter(first17);
        String auth = "Basic " + Base64.getEncoder().encodeToString((hall.screener() + ":" + TestAccounts.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/screening/screenings"))
                .header("Content-Type", "application/json").header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"submissionId":"%s","personType":"CITIZEN","name":"%s","docType":"ID_CARD","docNo":"%s",
                         "phone":"%s","mask":"N95_KN95","temperature":36.4,"noSymptoms":true}"""
                        .formatted(UUID.randomUUID(), name, docNo, phone))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(201);
        return docNo;
    }

    @Test
    void r17_4_theOfficeOpensATraceExportsTheListWithFullPhonesAndReportsIt() throws Exception {
        TestHall.Hall hall = halls.create();
        String subject = admit(hall, "孙娟", "43090319790203017", "13517000001");
        admit(hall, "王芳", "43090319800304018", "13517000002");
        SignedIn office = new SignedIn(0L, hall.siteId(), hall.officeDirector(), "王海燕", Role.OFFICE, Role.OFFICE.permissions());
        long id = traces.start(office, new Traces.TraceRequest(Traces.By.DOCUMENT, DocumentType.ID_CARD, subject, null,
                null, null, null, "区疾控中心通报该市民核酸阳性")).id();

        try (Browser b = new Browser(port)) {
            b.signIn(hall.officeDirector(), TestAccounts.PASSWORD);
            b.open("/tracing/" + id);
            // the result page is T1's (issue 17 items 1-3); this test needs it to carry the bar (tracing/actions :: bar)
            org.junit.jupiter.api.Assumptions.assumeFalse(b.driver().findElements(By.id("trace-actions")).isEmpty(),
                    "the trace's result page /tracing/{id} with the actions bar is not in this build yet");
            b.screenshot("r17-trace-actions-desk");
            String href = b.driver().findElement(By.id("trace-export")).getAttribute("href");
            Cookie session = b.driver().manage().getCookies().stream().filter(c -> c.getName().contains("SESSION"))
                    .findFirst().orElseThrow();
            HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", session.getName() + "=" + session.getValue()).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).isEqualTo(200);
            List<String> cells = new ArrayList<>();
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
                for (Row row : book.getSheetAt(0)) {
                    for (Cell cell : row) {
                        cells.add(cell.toString());
                    }
                }
            }
            assertThat(cells).contains("王芳", "13517000002");

            b.click(By.id("trace-report"));
            b.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("incident-result")));
            assertThat(b.text(By.id("incident-result"))).contains("已上报领导小组");
            assertThat(b.driver().findElements(By.id("trace-report"))).as("reported once: the button is gone").isEmpty();
            b.asPhone();
            b.screenshot("r17-trace-actions-phone");
        }
    }
}
