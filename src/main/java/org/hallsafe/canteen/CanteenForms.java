package org.hallsafe.canteen;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hallsafe.platform.PlainText;
import org.springframework.format.annotation.DateTimeFormat;

/** The canteen's words and forms. */
public final class CanteenForms {

    private CanteenForms() {
    }

    /** Food categories; wild game and live poultry exist only to be refused (R-CAN-1). */
    public enum Category { MEAT, POULTRY, AQUATIC, VEGETABLE, GRAIN_OIL, DAIRY_EGG, SEASONING, OTHER, WILD_GAME, LIVE_POULTRY }

    /** Certificates obtained from a supplier (索证) and the categories each one covers. */
    public enum CertificateKind {
        BUSINESS_LICENCE, FOOD_LICENCE, QUARANTINE;

        boolean covers(Category c) {
            return this != QUARANTINE || c == Category.MEAT || c == Category.POULTRY;
        }
    }

    /** Meals and when each ends: tableware is disinfected after it, overdue an hour later. */
    public enum Meal {
        BREAKFAST(LocalTime.of(6, 30), LocalTime.of(8, 30)), LUNCH(LocalTime.of(11, 30), LocalTime.of(13, 0)),
        DINNER(LocalTime.of(17, 30), LocalTime.of(18, 30));

        final LocalTime start;
        final LocalTime end;

        Meal(LocalTime start, LocalTime end) {
            this.start = start;
            this.end = end;
        }

        /** The meal served at a time of day: the one under way, else the next, else dinner. */
        static Meal at(LocalTime t) {
            for (Meal m : values()) {
                if (t.isBefore(m.end)) {
                    return m;
                }
            }
            return DINNER;
        }
    }

    public enum TablewareMethod { STEAM, BOILING, CABINET, CHEMICAL }

    public enum Result { ACCEPTED, REJECTED }

    public record SupplierForm(
            @NotBlank(message = "{validation.required}") @PlainText(max = 60) String name,
            @PlainText(max = 60) String contact) {
    }

    public record CertificateForm(
            @NotNull(message = "{validation.required}") CertificateKind kind,
            @NotBlank(message = "{validation.required}") @PlainText(max = 40) String number,
            @NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            @org.hallsafe.platform.PlausibleDate(org.hallsafe.platform.PlausibleDate.Horizon.DECADE) LocalDate expiresOn) {
    }

    /** One line of a delivery. */
    public record Item(String name, Category category, BigDecimal quantity, String unit, String batch,
            LocalDate producedOn, String shelfLife, String quarantineNo, Result result, String reason) {
    }

    /**
     * A delivery with its items as parallel lists (one row of the form each); empty rows are left out.
     */
    public record PurchaseForm(UUID submissionId, Long supplierId,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliveredOn, String invoiceNo,
            Boolean certificatesChecked, String inspector, List<String> itemName, List<Category> itemCategory,
            List<BigDecimal> itemQuantity, List<String> itemUnit, List<String> itemBatch,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) List<LocalDate> itemProducedOn, List<String> itemShelfLife,
            List<String> itemQuarantineNo, List<Result> itemResult, List<String> itemReason, String backfillReason) {

        static final int ROWS = 5;

        /** A delivery typed the day it came: no back-fill reason (issue 16, item 6). */
        public PurchaseForm(UUID submissionId, Long supplierId, LocalDate deliveredOn, String invoiceNo,
                Boolean certificatesChecked, String inspector, List<String> itemName, List<Category> itemCategory,
                List<BigDecimal> itemQuantity, List<String> itemUnit, List<String> itemBatch,
                List<LocalDate> itemProducedOn, List<String> itemShelfLife, List<String> itemQuarantineNo,
                List<Result> itemResult, List<String> itemReason) {
            this(submissionId, supplierId, deliveredOn, invoiceNo, certificatesChecked, inspector, itemName, itemCategory,
                    itemQuantity, itemUnit, itemBatch, itemProducedOn, itemShelfLife, itemQuarantineNo, itemResult,
                    itemReason, null);
        }

        public static PurchaseForm empty(LocalDate today, String inspector) {
            return new PurchaseForm(UUID.randomUUID(), null, today, "", false, inspector, rows(""), rows(null), rows(null),
                    rows(""), rows(""), rows(null), rows(""), rows(""), rows(Result.ACCEPTED), rows(""), "");
        }

        private static <T> List<T> rows(T value) {
            List<T> list = new ArrayList<>();
            for (int i = 0; i < ROWS; i++) {
                list.add(value);
            }
            return list;
        }

        /** The value of row {@code i} of a column, for the page. */
        public Object cell(List<?> column, int i) {
            return at(column, i);
        }

        /** Row {@code i} as an item, or null when the row was left empty. */
        Item item(int i) {
            String name = at(itemName, i);
            if (name == null || name.isBlank()) {
                return null;
            }
            return new Item(name.strip(), at(itemCategory, i), at(itemQuantity, i), trim(at(itemUnit, i)),
                    trim(at(itemBatch, i)), at(itemProducedOn, i), trim(at(itemShelfLife, i)),
                    trim(at(itemQuarantineNo, i)), at(itemResult, i), trim(at(itemReason, i)));
        }

        int rows() {
            return Math.max(ROWS, itemName == null ? 0 : itemName.size());
        }

        private static <T> T at(List<T> list, int i) {
            return list == null || i >= list.size() ? null : list.get(i);
        }

        private static String trim(String s) {
            return s == null ? "" : s.strip();
        }
    }

    public record TablewareForm(
            @NotNull(message = "{validation.required}") Meal meal,
            @NotNull(message = "{validation.required}") TablewareMethod method,
            @Min(value = 50, message = "{hygiene.concentration.range}") @Max(value = 5000, message = "{hygiene.concentration.range}") Integer concentration,
            @NotNull(message = "{validation.required}") @Min(value = 1, message = "{canteen.minutes.range}") @Max(value = 240, message = "{canteen.minutes.range}") Integer minutes,
            @Min(value = 20, message = "{canteen.temperature.range}") @Max(value = 200, message = "{canteen.temperature.range}") Integer temperature,
            @NotBlank(message = "{validation.required}") @PlainText(max = PlainText.NAME) String doneBy) {
    }

    public record WasteForm(
            @NotNull(message = "{validation.required}") @DecimalMin(value = "0.01", message = "{hygiene.weight.range}") BigDecimal kg,
            @NotBlank(message = "{validation.required}") @PlainText(max = 60) String handedTo) {
    }
}
