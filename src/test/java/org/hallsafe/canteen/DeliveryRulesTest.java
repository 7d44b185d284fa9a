package org.hallsafe.canteen;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.hallsafe.canteen.Canteen.Certificate;
import org.hallsafe.canteen.Canteen.CertificateState;
import org.hallsafe.canteen.CanteenForms.Category;
import org.hallsafe.canteen.CanteenForms.CertificateKind;
import org.hallsafe.canteen.CanteenForms.Item;
import org.hallsafe.canteen.CanteenForms.Result;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** R-CAN-1, R-CAN-2 as a pure rule (issue 13, item 2): no Spring, no database. */
class DeliveryRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private static Item item(String name, Category category, String quarantineNo) {
        return new Item(name, category, new BigDecimal("5"), "kg", "", null, "", quarantineNo, Result.ACCEPTED, "");
    }

    private static List<String> keys(Item item) {
        return DeliveryRules.check(item, valid()).stream().map(p -> p.field() + ":" + p.key()).toList();
    }

    private static List<Certificate> valid() {
        return List.of(new Certificate(CertificateKind.BUSINESS_LICENCE, "B", TODAY.plusYears(1), CertificateState.VALID),
                new Certificate(CertificateKind.FOOD_LICENCE, "F", TODAY.plusYears(1), CertificateState.VALID),
                new Certificate(CertificateKind.QUARANTINE, "Q", TODAY.plusYears(1), CertificateState.VALID));
    }

    @Test
    void r13_2_rCan1_snakeAppleIsNotAWildAnimal() {
        assertThat(keys(item("蛇果", Category.OTHER, ""))).isEmpty();
        assertThat(keys(item("进口蛇果", Category.VEGETABLE, ""))).isEmpty();
    }

    @Test
    void r13_2_rCan1_wildPepperIsAPepper() {
        assertThat(keys(item("野山椒", Category.SEASONING, ""))).isEmpty();
        assertThat(keys(item("泡野山椒", Category.VEGETABLE, ""))).isEmpty();
    }

    @Test
    void r13_2_rCan1_fieldChickenIsAFrogAndAWildAnimalNeverPoultry() {
        assertThat(keys(item("田鸡", Category.MEAT, ""))).containsExactly("itemName:canteen.item.wild");
        assertThat(keys(item("田鸡", Category.POULTRY, "4300001"))).containsExactly("itemName:canteen.item.wild");
        assertThat(DeliveryRules.namesPoultry("田鸡")).isFalse();
    }

    @Test
    void r13_2_rCan1_wildAnimalsByNameWhateverTheCategoryAndByCategory() {
        assertThat(keys(item("蛇肉", Category.MEAT, ""))).containsExactly("itemName:canteen.item.wild");
        assertThat(keys(item("蛇果和蛇肉", Category.OTHER, ""))).containsExactly("itemName:canteen.item.wild");
        assertThat(keys(item("竹鼠", Category.VEGETABLE, ""))).containsExactly("itemName:canteen.item.wild");
        assertThat(keys(item("腊肉", Category.WILD_GAME, ""))).containsExactly("itemName:canteen.item.wild");
    }

    @Test
    void r13_2_rCan1_livePoultryIsRefusedPlantsNamedLikeBirdsAreNot() {
        assertThat(keys(item("活鸡", Category.POULTRY, "1"))).containsExactly("itemName:canteen.item.livePoultry");
        assertThat(keys(item("白条鸡", Category.LIVE_POULTRY, "1"))).containsExactly("itemName:canteen.item.livePoultry");
        assertThat(keys(item("鸭梨", Category.OTHER, ""))).isEmpty();
        assertThat(keys(item("鸡毛菜", Category.VEGETABLE, ""))).isEmpty();
        assertThat(keys(item("鸡蛋", Category.DAIRY_EGG, ""))).isEmpty();
    }

    @Test
    void r13_2_rCan2_poultryNeedsItsQuarantineNumberAndItsCategory() {
        assertThat(keys(item("白条鸡", Category.POULTRY, ""))).containsExactly("itemQuarantineNo:canteen.item.quarantine");
        assertThat(keys(item("鸭腿", Category.MEAT, "4300001"))).containsExactly("itemCategory:canteen.item.isPoultry");
        assertThat(keys(item("白条鸡", Category.POULTRY, "4300001"))).isEmpty();
    }

    @Test
    void r13_2_rCan2_aCertificateCoversItsCategoriesOnly() {
        List<Certificate> quarantineExpired = List.of(
                new Certificate(CertificateKind.BUSINESS_LICENCE, "B", TODAY.plusYears(1), CertificateState.VALID),
                new Certificate(CertificateKind.FOOD_LICENCE, "F", TODAY.plusYears(1), CertificateState.VALID),
                new Certificate(CertificateKind.QUARANTINE, "Q", TODAY.minusDays(1), CertificateState.EXPIRED));
        assertThat(DeliveryRules.blocked(quarantineExpired, Category.MEAT)).contains("canteen.blocked.QUARANTINE.expired");
        assertThat(DeliveryRules.blocked(quarantineExpired, Category.VEGETABLE)).isEmpty();
        Item rejected = new Item("猪肉", Category.MEAT, BigDecimal.ONE, "kg", "", null, "", "", Result.REJECTED, "证照过期");
        assertThat(DeliveryRules.check(rejected, quarantineExpired)).isEmpty();
    }

    @Test
    void r13_2_certificateStateByItsDate() {
        assertThat(DeliveryRules.state(TODAY.minusDays(1), TODAY)).isEqualTo(CertificateState.EXPIRED);
        assertThat(DeliveryRules.state(TODAY, TODAY)).isEqualTo(CertificateState.EXPIRING);
        assertThat(DeliveryRules.state(TODAY.plusDays(29), TODAY)).isEqualTo(CertificateState.EXPIRING);
        assertThat(DeliveryRules.state(TODAY.plusDays(30), TODAY)).isEqualTo(CertificateState.VALID);
        assertThat(DeliveryRules.state(null, TODAY)).isEqualTo(CertificateState.MISSING);
    }
}
