package org.hallsafe.canteen;

import java.time.LocalDate;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.canteen.CanteenForms.CertificateForm;
import org.hallsafe.canteen.CanteenForms.CertificateKind;
import org.hallsafe.canteen.CanteenForms.SupplierForm;
import org.hallsafe.platform.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** R-CAN-2, R-CAN-5 as people do it: a delivery with one item accepted and one rejected; the door on a phone. */
@HallSafeTest
@BrowserTest
class CanteenBrowserTest {

    @LocalServerPort int port;
    @Autowired TestHall halls;
    @Autowired TestAccounts accounts;
    @Autowired Canteen canteen;
    @Autowired java.time.Clock clock;

    @Test
    void theManagerEntersADeliveryAndChecksPeopleAtTheDoorOnAPhone() throws Exception {
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.admin());
        long supplier = canteen.saveSupplier(hall.siteId(), new SupplierForm("赫山区鲜蔬配送中心", "刘经理"));
        // valid for three years from the application's (the tests' movable) clock, which other tests may have moved on
        LocalDate later = LocalDate.now(clock).plusYears(3);
        canteen.addCertificate(hall.siteId(), supplier, new CertificateForm(CertificateKind.BUSINESS_LICENCE, "91430903X", later));
        canteen.addCertificate(hall.siteId(), supplier, new CertificateForm(CertificateKind.FOOD_LICENCE, "JY143090300", later));
        canteen.addCertificate(hall.siteId(), supplier, new CertificateForm(CertificateKind.QUARANTINE, "43001", later));
        SecurityContextHolder.clearContext();
        String manager = accounts.create(Role.CANTEEN, hall.siteId());
        try (Browser desk = new Browser(port); Browser phone = new Browser(port)) {
            desk.signIn(manager, TestAccounts.PASSWORD);
            desk.open("/canteen/purchases/new");
            new Select(desk.driver().findElement(By.id("supplierId"))).selectByVisibleText("赫山区鲜蔬配送中心");
            desk.click(By.id("certificatesChecked"));
            desk.type(By.id("itemName-0"), "冷鲜鸡");
            new Select(desk.driver().findElement(By.id("itemCategory-0"))).selectByValue("POULTRY");
            desk.type(By.id("itemQuantity-0"), "12");
            desk.type(By.id("itemUnit-0"), "公斤");
            desk.type(By.id("itemQuarantineNo-0"), "4300987");
            desk.type(By.id("itemName-1"), "西红柿");
            new Select(desk.driver().findElement(By.id("itemCategory-1"))).selectByValue("VEGETABLE");
            desk.type(By.id("itemQuantity-1"), "8");
            desk.type(By.id("itemUnit-1"), "公斤");
            new Select(desk.driver().findElement(By.id("itemResult-1"))).selectByValue("REJECTED");
            desk.type(By.id("itemReason-1"), "有腐烂");
            desk.screenshot("canteen-delivery-form");
            desk.click(By.id("save-purchase"));
            assertThat(desk.text(By.cssSelector(".alert-success"))).contains("赫山区鲜蔬配送中心");
            String items = desk.text(By.cssSelector(".purchase-items"));
            assertThat(items).contains("冷鲜鸡").contains("合格收货").contains("4300987").contains("西红柿").contains("拒收").contains("有腐烂");
            desk.screenshot("canteen-ledger");

            phone.asPhone();
            phone.signIn(manager, TestAccounts.PASSWORD);
            phone.open("/canteen/door");
            phone.type(By.id("typed"), "路人甲");
            phone.click(By.cssSelector("label[for=handsWashed]"));
            phone.click(By.id("check"));
            assertThat(phone.text(By.id("door-result"))).contains("禁止进入").contains("路人甲").contains("非工作人员");
            phone.screenshot("canteen-door-refused");
            phone.type(By.id("typed"), "周明");
            phone.click(By.cssSelector("label[for=handsWashed]"));
            phone.click(By.id("check"));
            assertThat(phone.text(By.id("door-result"))).contains("可以进入").contains("周明");
        }
    }
}
