package org.hallsafe.canteen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hallsafe.canteen.Canteen.Certificate;
import org.hallsafe.canteen.Canteen.CertificateState;
import org.hallsafe.canteen.CanteenForms.Category;
import org.hallsafe.canteen.CanteenForms.Item;
import org.hallsafe.canteen.CanteenForms.Result;

/**
 * What may be taken in at the canteen's back door (R-CAN-1, R-CAN-2): no wild animal whatever category was chosen, no
 * live poultry, poultry only with its quarantine number, and nothing accepted from a supplier whose certificate for
 * it has expired or was never obtained. Pure: no Spring, no database.
 *
 * <p>A wild animal is known by its category or by a name on the list below, after the names of foods that only
 * sound like one are taken out: 蛇果 is an apple and 野山椒 a pepper, while 田鸡 is a frog and never poultry.
 */
final class DeliveryRules {

    private DeliveryRules() {
    }

    /** Days before expiry a certificate shows as expiring. */
    static final int WARN_DAYS = 30;

    /** Names and name parts of wild animals and their meat (野味). */
    static final Set<String> WILD = Set.of("野味", "野生", "果子狸", "穿山甲", "蝙蝠", "竹鼠", "獾", "野兔", "野鸡",
            "野鸭", "蛇", "刺猬", "麂", "狍", "野猪", "鹿肉", "娃娃鱼", "田鸡", "青蛙", "蛤蟆", "蟾蜍", "豪猪", "旱獭");

    /** Foods whose names hold a wild animal's or a bird's character but are plants, fruit, eggs or seasoning. */
    static final Set<String> NOT_ANIMALS = Set.of("蛇果", "蛇瓜", "蛇豆", "蛇莓", "野山椒", "鸭梨", "鸡毛菜", "鸡枞",
            "鸡腿菇", "鸡蛋", "鸭蛋", "鹅蛋", "鸡精", "鸡粉", "鸡冠花", "野生菌");

    /** Characters of poultry in a name. */
    static final Set<String> POULTRY = Set.of("鸡", "鸭", "鹅", "鸽", "鹌鹑");

    /** One problem of a delivery line: the form's column ({@code itemName}) and a message key. */
    record Problem(String field, String key) {
    }

    /** The name with the foods that only sound like an animal taken out. */
    private static String animalPart(String name) {
        String rest = name;
        for (String food : NOT_ANIMALS) {
            rest = rest.replace(food, "·");
        }
        return rest;
    }

    static boolean wild(Item item) {
        return item.category() == Category.WILD_GAME || WILD.stream().anyMatch(animalPart(item.name())::contains);
    }

    static boolean namesPoultry(String name) {
        String rest = animalPart(name);
        return POULTRY.stream().anyMatch(rest::contains) && WILD.stream().noneMatch(rest::contains);
    }

    static boolean livePoultry(Item item) {
        String name = item.name();
        return item.category() == Category.LIVE_POULTRY || name.contains("活禽")
                || name.startsWith("活") && namesPoultry(name);
    }

    /** Poultry: chosen as such, or meat whose name says it is a bird. */
    static boolean poultry(Item item) {
        return item.category() == Category.POULTRY || item.category() == Category.MEAT && namesPoultry(item.name());
    }

    /**
     * The problems of one delivery line, in order (a later one for the same column wins).
     *
     * @param certificates the supplier's certificates as they stand, or null when no supplier was chosen
     */
    static List<Problem> check(Item item, List<Certificate> certificates) {
        List<Problem> problems = new ArrayList<>();
        if (wild(item)) {
            return List.of(new Problem("itemName", "canteen.item.wild"));
        }
        if (livePoultry(item)) {
            return List.of(new Problem("itemName", "canteen.item.livePoultry"));
        }
        if (item.category() == null) {
            return List.of(new Problem("itemCategory", "validation.required"));
        }
        boolean poultry = poultry(item);
        if (poultry && item.category() != Category.POULTRY) {
            problems.add(new Problem("itemCategory", "canteen.item.isPoultry"));
        }
        if (item.quantity() == null || item.quantity().signum() <= 0) {
            problems.add(new Problem("itemQuantity", "canteen.item.quantity.invalid"));
        }
        if (item.unit().isEmpty()) {
            problems.add(new Problem("itemUnit", "validation.required"));
        }
        if (item.result() == null) {
            problems.add(new Problem("itemResult", "validation.required"));
        } else if (item.result() == Result.REJECTED && item.reason().isEmpty()) {
            problems.add(new Problem("itemReason", "canteen.item.reason.required"));
        }
        if (poultry && item.quarantineNo().isEmpty()) {
            problems.add(new Problem("itemQuarantineNo", "canteen.item.quarantine"));
        }
        if (certificates != null && item.result() == Result.ACCEPTED) {
            blocked(certificates, item.category()).ifPresent(key -> problems.add(new Problem("itemName", key)));
        }
        return problems;
    }

    /** Why a supplier with these certificates may not deliver this category, if it may not: a message key. */
    static Optional<String> blocked(List<Certificate> certificates, Category category) {
        for (Certificate c : certificates) {
            if (c.kind().covers(category) && blocks(c)) {
                return Optional.of("canteen.blocked." + c.kind() + "." + (c.state() == CertificateState.EXPIRED ? "expired" : "missing"));
            }
        }
        return Optional.empty();
    }

    /** Whether a certificate stops deliveries of what it covers: expired, or never obtained. */
    static boolean blocks(Certificate c) {
        return c.state() == CertificateState.EXPIRED || c.state() == CertificateState.MISSING;
    }

    /** A certificate's state on a day: expired after its date, expiring within {@link #WARN_DAYS}. */
    static CertificateState state(LocalDate expiresOn, LocalDate today) {
        if (expiresOn == null) {
            return CertificateState.MISSING;
        }
        return expiresOn.isBefore(today) ? CertificateState.EXPIRED
                : expiresOn.isBefore(today.plusDays(WARN_DAYS)) ? CertificateState.EXPIRING : CertificateState.VALID;
    }
}
