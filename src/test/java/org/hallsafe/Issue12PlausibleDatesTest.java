package org.hallsafe;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Validator;
import org.hallsafe.canteen.Canteen;
import org.hallsafe.canteen.CanteenForms.CertificateForm;
import org.hallsafe.canteen.CanteenForms.CertificateKind;
import org.hallsafe.canteen.CanteenForms.SupplierForm;
import org.hallsafe.duty.Duty;
import org.hallsafe.duty.DutyForms.RosterForm;
import org.hallsafe.hygiene.HygieneForms.DisinfectionForm;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.PlausibleDate.Horizon;
import org.hallsafe.screening.Gate.Mask;
import org.hallsafe.screening.Gate.PersonType;
import org.hallsafe.screening.GateDesk;
import org.hallsafe.screening.GateForm;
import org.hallsafe.shared.DocumentType;
import org.hallsafe.shared.IdNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue #12, item 14: implausible dates are refused beside their field, with one rule from platform. */
@HallSafeTest
class Issue12PlausibleDatesTest {

    @Autowired TestHall halls;
    @Autowired MutableClock clock;
    @Autowired MockMvc mvc;
    @Autowired Validator validator;
    @Autowired Canteen canteen;
    @Autowired GateDesk desk;
    @Autowired Duty duty;

    @org.junit.jupiter.api.BeforeEach
    void inChinese() {
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void r12_14_theRuleTakesDatesFrom2000UpToItsHorizon() {
        LocalDate today = LocalDate.of(2026, 12, 1);
        assertThat(Horizon.TODAY.allows(LocalDate.of(2000, 1, 1), today)).isTrue();
        assertThat(Horizon.TODAY.allows(LocalDate.of(1999, 12, 31), today)).isFalse();
        assertThat(Horizon.TODAY.allows(today, today)).isTrue();
        assertThat(Horizon.TODAY.allows(today.plusDays(1), today)).isFalse();
        assertThat(Horizon.YEAR.allows(today.plusYears(1), today)).isTrue();
        assertThat(Horizon.YEAR.allows(today.plusYears(1).plusDays(1), today)).isFalse();
        assertThat(Horizon.DECADE.allows(today.plusYears(9), today)).isTrue();
        assertThat(Horizon.DECADE.allows(today.plusYears(11), today)).isFalse();
    }

    @Test
    void r12_14_certificateExpiryMayLieYearsAheadButNotDecadesAndNotBefore2000() {
        LocalDate today = LocalDate.now(clock);
        assertThat(validator.validate(new CertificateForm(CertificateKind.FOOD_LICENCE, "JY1", today.plusYears(8)))).isEmpty();
        assertThat(validator.validate(new CertificateForm(CertificateKind.FOOD_LICENCE, "JY1", today.plusYears(40))))
                .extracting(v -> v.getPropertyPath().toString() + ":" + v.getMessage())
                .containsExactly("expiresOn:日期不对：应在 2000 年以后，且不超过十年以后");
        assertThat(validator.validate(new CertificateForm(CertificateKind.FOOD_LICENCE, "JY1", LocalDate.of(202, 5, 1))))
                .extracting(v -> v.getPropertyPath().toString()).containsExactly("expiresOn");
    }

    @Test
    void r12_14_certificatePageSaysSoBesideTheFieldAndStoresNothing() throws Exception {
        TestHall.Hall hall = halls.create();
        var admin = halls.signIn(hall.admin());
        long supplier = canteen.saveSupplier(hall.siteId(), new SupplierForm("远期证照供应商", ""));
        String later = mvc.perform(post("/canteen/suppliers/" + supplier + "/certificates").with(user(admin)).with(csrf())
                        .param("kind", "FOOD_LICENCE").param("number", "JY9")
                        .param("expiresOn", LocalDate.now(clock).plusYears(30).toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(later).contains("不超过十年以后");
        assertThat(canteen.supplier(hall.siteId(), supplier).certificates()).extracting(c -> c.number())
                .doesNotContain("JY9");
    }

    @Test
    void r12_14_aDeliveryProducedBefore2000IsRefusedBesideTheRow() throws Exception {
        TestHall.Hall hall = halls.create();
        var admin = halls.signIn(hall.admin());
        LocalDate today = LocalDate.now(clock);
        long supplier = canteen.saveSupplier(hall.siteId(), new SupplierForm("老日期供应商", ""));
        canteen.addCertificate(hall.siteId(), supplier, new CertificateForm(CertificateKind.BUSINESS_LICENCE, "B1", today.plusYears(2)));
        canteen.addCertificate(hall.siteId(), supplier, new CertificateForm(CertificateKind.FOOD_LICENCE, "F1", today.plusYears(2)));
        String html = mvc.perform(post("/canteen/purchases").with(user(admin)).with(csrf())
                        .param("submissionId", UUID.randomUUID().toString()).param("supplierId", String.valueOf(supplier))
                        .param("deliveredOn", today.toString()).param("inspector", "李验收").param("certificatesChecked", "true")
                        .param("itemName", "土豆").param("itemCategory", "VEGETABLE").param("itemQuantity", "20")
                        .param("itemUnit", "公斤").param("itemBatch", "").param("itemProducedOn", "1999-06-01")
                        .param("itemShelfLife", "").param("itemQuarantineNo", "").param("itemResult", "ACCEPTED")
                        .param("itemReason", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("日期不对：应在 2000 年以后，且不能晚于今天").contains("value=\"土豆\"");
        assertThat(canteen.purchases(hall.siteId(), today.minusDays(1), today)).isEmpty();
    }

    @Test
    void r12_14_disinfectionTimeBefore2000IsRefused() {
        LocalDateTime old = LocalDateTime.of(1999, 12, 31, 10, 0);
        assertThat(validator.validate(new DisinfectionForm(UUID.randomUUID(), 1L,
                org.hallsafe.hygiene.HygieneForms.Method.SPRAY, null, "张三", old)))
                .extracting(v -> v.getPropertyPath().toString() + ":" + v.getMessage())
                .contains("doneAt:日期不对：应在 2000 年以后，且不能晚于今天");
        assertThat(validator.validate(new DisinfectionForm(UUID.randomUUID(), 1L,
                org.hallsafe.hygiene.HygieneForms.Method.SPRAY, null, "张三", LocalDateTime.now(clock).minusHours(1))))
                .extracting(v -> v.getPropertyPath().toString()).doesNotContain("doneAt");
    }

    @Test
    void r12_14_backfilledGateReadingBefore2000IsRefused() {
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.admin());
        String first17 = "43090219800101123";
        GateForm form = new GateForm(UUID.randomUUID(), PersonType.CITIZEN, null, "李四", DocumentType.ID_CARD,
                first17 + IdNumber.checkCharacter(first17), "13712349999", Mask.DISPOSABLE_MEDICAL, new BigDecimal("36.5"),
                List.of(), true, "", null, LocalDateTime.of(1026, 12, 1, 9, 0), "纸质台账补录", null);
        assertThatThrownBy(() -> desk.record(hall.siteId(), form)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).containsEntry("screenedAt", "validation.date.notAfterToday"));
    }

    @Test
    void r12_14_dutyRosterMoreThanAYearAheadIsRefused() {
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.admin());
        RosterForm form = new RosterForm(LocalDate.now(clock).plusYears(3), null, "12345", hall.staffIds().get(0), "");
        assertThatThrownBy(() -> duty.addPost(hall.siteId(), form)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).containsEntry("day", "validation.date.withinYear"));
    }
}
