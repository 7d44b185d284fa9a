package org.hallsafe.canteen;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hallsafe.canteen.CanteenForms.Category;
import org.hallsafe.canteen.CanteenForms.CertificateForm;
import org.hallsafe.canteen.CanteenForms.CertificateKind;
import org.hallsafe.canteen.CanteenForms.Item;
import org.hallsafe.canteen.CanteenForms.Meal;
import org.hallsafe.canteen.CanteenForms.PurchaseForm;
import org.hallsafe.canteen.CanteenForms.Result;
import org.hallsafe.canteen.CanteenForms.SupplierForm;
import org.hallsafe.canteen.CanteenForms.TablewareForm;
import org.hallsafe.canteen.CanteenForms.TablewareMethod;
import org.hallsafe.canteen.CanteenForms.WasteForm;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.organization.Views.StaffView;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.PlainText;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The canteen's ledgers and rules: no wild animals, no live poultry, poultry only with its quarantine certificate,
 * nothing from a supplier whose certificate for it has expired, tableware disinfected after each meal, and nobody
 * but staff at the door.
 */
@Service
public class Canteen {

    static final int WARN_DAYS = 30;

    public enum CertificateState { VALID, EXPIRING, EXPIRED, MISSING }

    public record Certificate(CertificateKind kind, String number, LocalDate expiresOn, CertificateState state) {
    }

    public record Supplier(long id, String name, String contact, List<Certificate> certificates) {

        public boolean warning() {
            return certificates.stream().anyMatch(c -> c.state() != CertificateState.VALID);
        }
    }

    public record Purchase(long id, LocalDate deliveredOn, String supplier, String invoiceNo, boolean certificatesChecked,
            String inspector, List<Item> items) {
    }

    public record MealState(Meal meal, String state, Instant doneAt, int admitted, int refused) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ActivityLog activity;
    private final StaffDirectory staff;

    Canteen(JdbcClient jdbc, Clock clock, ActivityLog activity, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.activity = activity;
        this.staff = staff;
    }

    // ---- suppliers and certificates

    @Transactional(readOnly = true)
    public List<Supplier> suppliers(long siteId) {
        List<Supplier> out = new ArrayList<>();
        record Row(long id, String name, String contact) {
        }
        for (Row r : jdbc.sql("SELECT id, name, contact FROM suppliers WHERE site_id = :site AND retired_at IS NULL ORDER BY name")
                .param("site", siteId).query(Row.class).list()) {
            out.add(new Supplier(r.id(), r.name(), r.contact(), certificates(r.id())));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public Supplier supplier(long siteId, long id) {
        return suppliers(siteId).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    /** The newest certificate of each kind, and its state today; a kind never obtained is missing. */
    private List<Certificate> certificates(long supplierId) {
        LocalDate today = LocalDate.now(clock);
        Map<CertificateKind, Certificate> newest = new EnumMap<>(CertificateKind.class);
        jdbc.sql("SELECT kind, number, expires_on FROM supplier_certificates WHERE supplier_id = :id ORDER BY expires_on")
                .param("id", supplierId).query((rs, n) -> {
                    LocalDate expires = rs.getDate(3).toLocalDate();
                    CertificateState state = expires.isBefore(today) ? CertificateState.EXPIRED
                            : expires.isBefore(today.plusDays(WARN_DAYS)) ? CertificateState.EXPIRING : CertificateState.VALID;
                    return newest.put(CertificateKind.valueOf(rs.getString(1)), new Certificate(
                            CertificateKind.valueOf(rs.getString(1)), rs.getString(2), expires, state));
                }).list();
        List<Certificate> all = new ArrayList<>();
        for (CertificateKind k : CertificateKind.values()) {
            all.add(newest.getOrDefault(k, new Certificate(k, "", null, CertificateState.MISSING)));
        }
        return all;
    }

    @Transactional
    public long saveSupplier(long siteId, SupplierForm f) {
        try {
            long id = jdbc.sql("INSERT INTO suppliers (site_id, name, contact, created_by) VALUES (:site, :name, :contact, :by) RETURNING id")
                    .param("site", siteId).param("name", f.name().strip()).param("contact", f.contact() == null ? "" : f.contact().strip())
                    .param("by", actor()).query(Long.class).single();
            activity.record("CREATED", "supplier", id, f.name());
            return id;
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("name", "canteen.supplier.taken");
        }
    }

    @Transactional
    public void addCertificate(long siteId, long supplierId, CertificateForm f) {
        supplier(siteId, supplierId);
        jdbc.sql("""
                INSERT INTO supplier_certificates (site_id, supplier_id, kind, number, expires_on, created_by)
                VALUES (:site, :s, :k, :n, :e, :by)""")
                .param("site", siteId).param("s", supplierId).param("k", f.kind().name()).param("n", f.number().strip()).param("e", f.expiresOn())
                .param("by", actor()).update();
        activity.record("CREATED", "supplier-certificate", supplierId, f.kind() + " " + f.number() + " " + f.expiresOn());
    }

    /** Why this supplier may not deliver this category today, if it may not: a message key. */
    Optional<String> blocked(Supplier supplier, Category category) {
        for (Certificate c : supplier.certificates()) {
            if (c.kind().covers(category) && (c.state() == CertificateState.EXPIRED || c.state() == CertificateState.MISSING)) {
                return Optional.of("canteen.blocked." + c.kind() + "." + (c.state() == CertificateState.EXPIRED ? "expired" : "missing"));
            }
        }
        return Optional.empty();
    }

    // ---- purchases

    /**
     * Checks every row of a delivery and stores it whole or not at all. Problems are keyed by the form's field names
     * ({@code itemName[2]}), so each message stands beside its row.
     */
    @Transactional
    public long recordPurchase(long siteId, PurchaseForm f) {
        Map<String, String> problems = new LinkedHashMap<>();
        Supplier supplier = null;
        if (f.supplierId() == null) {
            problems.put("supplierId", "canteen.supplier.required");
        } else {
            supplier = supplier(siteId, f.supplierId());
        }
        if (f.deliveredOn() == null) {
            problems.put("deliveredOn", "validation.required");
        }
        org.hallsafe.platform.PlausibleDate.Horizon.TODAY.problem(f.deliveredOn(), clock).ifPresent(key -> problems.put("deliveredOn", key));
        if (f.inspector() == null || f.inspector().isBlank()) {
            problems.put("inspector", "validation.required");
        }
        if (!Boolean.TRUE.equals(f.certificatesChecked())) {
            problems.put("certificatesChecked", "canteen.certificatesChecked.required");
        }
        bound(problems, "invoiceNo", f.invoiceNo(), PlainText.CODE);
        bound(problems, "inspector", f.inspector(), PlainText.NAME);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < f.rows(); i++) {
            Item item = f.item(i);
            if (item == null) {
                continue;
            }
            items.add(item);
            bound(problems, "itemName[" + i + "]", item.name(), ITEM_NAME);
            bound(problems, "itemUnit[" + i + "]", item.unit(), UNIT);
            bound(problems, "itemBatch[" + i + "]", item.batch(), PlainText.CODE);
            bound(problems, "itemShelfLife[" + i + "]", item.shelfLife(), SHELF_LIFE);
            bound(problems, "itemQuarantineNo[" + i + "]", item.quarantineNo(), PlainText.CODE);
            bound(problems, "itemReason[" + i + "]", item.reason(), REASON);
            check(item, i, supplier, problems);
            int row = i;
            org.hallsafe.platform.PlausibleDate.Horizon.TODAY.problem(item.producedOn(), clock)
                    .ifPresent(key -> problems.put("itemProducedOn[" + row + "]", key));
        }
        if (items.isEmpty() && !problems.containsKey("itemName[0]")) {
            problems.put("itemName[0]", "canteen.items.required");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Optional<Long> id = jdbc.sql("""
                INSERT INTO purchases (site_id, submission_id, supplier_id, delivered_on, invoice_no, certificates_checked,
                    inspector, created_at, created_by)
                VALUES (:site, :s, :supplier, :day, :invoice, true, :inspector, :now, :by)
                ON CONFLICT (site_id, submission_id) DO NOTHING RETURNING id""")
                .param("site", siteId).param("s", f.submissionId()).param("supplier", f.supplierId())
                .param("day", f.deliveredOn()).param("invoice", f.invoiceNo() == null ? "" : f.invoiceNo().strip())
                .param("inspector", f.inspector().strip()).param("now", Timestamp.from(clock.instant())).param("by", actor())
                .query(Long.class).optional();
        if (id.isEmpty()) {
            return jdbc.sql("SELECT id FROM purchases WHERE site_id = :site AND submission_id = :s")
                    .param("site", siteId).param("s", f.submissionId()).query(Long.class).single();
        }
        for (Item item : items) {
            jdbc.sql("""
                    INSERT INTO purchase_items (site_id, purchase_id, name, category, quantity, unit, batch, produced_on,
                        shelf_life, quarantine_no, result, reason)
                    VALUES (:site, :p, :name, :category, :q, :unit, :batch, :produced, :shelf, :quarantine, :result, :reason)""")
                    .param("site", siteId).param("p", id.get()).param("name", item.name()).param("category", item.category().name())
                    .param("q", item.quantity()).param("unit", item.unit()).param("batch", item.batch())
                    .param("produced", item.producedOn()).param("shelf", item.shelfLife())
                    .param("quarantine", item.quarantineNo()).param("result", item.result().name())
                    .param("reason", item.reason()).update();
        }
        activity.record("CREATED", "purchase", id.get(), supplier.name() + " (" + items.size() + ")");
        return id.get();
    }

    /** Bounds of a delivery line, the same as the table's CHECKs. */
    static final int ITEM_NAME = 60;
    static final int UNIT = 10;
    static final int SHELF_LIFE = 20;
    static final int REASON = 200;
    static final int DOOR_TYPED = 40;

    private static void bound(Map<String, String> problems, String field, String value, int max) {
        String key = PlainText.Rules.problem(value, max, false);
        if (key != null) {
            problems.putIfAbsent(field, key);
        }
    }

    private void check(Item item, int i, Supplier supplier, Map<String, String> problems) {
        String name = item.name();
        if (item.category() == Category.WILD_GAME || CanteenForms.WILD.stream().anyMatch(name::contains)) {
            problems.put("itemName[" + i + "]", "canteen.item.wild");
            return;
        }
        if (item.category() == Category.LIVE_POULTRY || name.contains("活禽") || name.startsWith("活")
                && CanteenForms.POULTRY.stream().anyMatch(name::contains)) {
            problems.put("itemName[" + i + "]", "canteen.item.livePoultry");
            return;
        }
        if (item.category() == null) {
            problems.put("itemCategory[" + i + "]", "validation.required");
            return;
        }
        boolean poultry = item.category() == Category.POULTRY || CanteenForms.POULTRY.stream().anyMatch(name::contains)
                && item.category() == Category.MEAT;
        if (poultry && item.category() != Category.POULTRY) {
            problems.put("itemCategory[" + i + "]", "canteen.item.isPoultry");
        }
        if (item.quantity() == null || item.quantity().signum() <= 0) {
            problems.put("itemQuantity[" + i + "]", "canteen.item.quantity.invalid");
        }
        if (item.unit().isEmpty()) {
            problems.put("itemUnit[" + i + "]", "validation.required");
        }
        if (item.result() == null) {
            problems.put("itemResult[" + i + "]", "validation.required");
        } else if (item.result() == Result.REJECTED && item.reason().isEmpty()) {
            problems.put("itemReason[" + i + "]", "canteen.item.reason.required");
        }
        if (poultry && item.quarantineNo().isEmpty()) {
            problems.put("itemQuarantineNo[" + i + "]", "canteen.item.quarantine");
        }
        if (supplier != null && item.result() == Result.ACCEPTED) {
            blocked(supplier, item.category()).ifPresent(key -> problems.put("itemName[" + i + "]", key));
        }
    }

    @Transactional(readOnly = true)
    public List<Purchase> purchases(long siteId, LocalDate from, LocalDate to) {
        List<Purchase> out = new ArrayList<>();
        record Row(long id, LocalDate deliveredOn, String supplier, String invoiceNo, boolean certificatesChecked,
                String inspector) {
        }
        for (Row r : jdbc.sql("""
                SELECT p.id, p.delivered_on, s.name AS supplier, p.invoice_no, p.certificates_checked, p.inspector
                FROM purchases p JOIN suppliers s ON s.id = p.supplier_id
                WHERE p.site_id = :site AND p.delivered_on BETWEEN :from AND :to ORDER BY p.delivered_on DESC, p.id DESC""")
                .param("site", siteId).param("from", from).param("to", to).query(Row.class).list()) {
            List<Item> items = jdbc.sql("""
                    SELECT name, category, quantity, unit, batch, produced_on, shelf_life, quarantine_no, result, reason
                    FROM purchase_items WHERE purchase_id = :id ORDER BY id""").param("id", r.id()).query(Item.class).list();
            out.add(new Purchase(r.id(), r.deliveredOn(), r.supplier(), r.invoiceNo(), r.certificatesChecked(),
                    r.inspector(), items));
        }
        return out;
    }

    // ---- tableware, the door, food waste

    @Transactional
    public void disinfectTableware(long siteId, TablewareForm f) {
        if (f.method() == TablewareMethod.CHEMICAL && f.concentration() == null) {
            throw new InvalidInputException("concentration", "hygiene.concentration.required");
        }
        jdbc.sql("""
                INSERT INTO tableware_disinfections (site_id, meal, method, concentration, minutes, temperature_c, done_by,
                    done_at, recorded_by)
                VALUES (:site, :meal, :method, :c, :m, :t, :doneBy, :now, :by)""")
                .param("site", siteId).param("meal", f.meal().name()).param("method", f.method().name())
                .param("c", f.method() == TablewareMethod.CHEMICAL ? f.concentration() : null).param("m", f.minutes())
                .param("t", f.temperature()).param("doneBy", f.doneBy().strip()).param("now", Timestamp.from(clock.instant()))
                .param("by", actor()).update();
    }

    /** The result at the door: who it was, whether they may enter, and for which meal. */
    public record Entry(boolean allowed, String name, Meal meal, String reasonKey) {
    }

    /**
     * Staff identified by card number (a QR scanner types it) or by their full name enter after washing their hands;
     * anyone else is refused and recorded.
     */
    @Transactional
    public Entry enter(long siteId, String typed, boolean handsWashed) {
        if (typed == null || typed.isBlank()) {
            throw new InvalidInputException("typed", "canteen.door.typed");
        }
        String tooLong = PlainText.Rules.problem(typed.strip(), DOOR_TYPED, false);
        if (tooLong != null) {
            throw new InvalidInputException("typed", tooLong);
        }
        if (!handsWashed) {
            throw new InvalidInputException("handsWashed", "canteen.door.wash");
        }
        String t = typed.strip();
        Optional<StaffView> person = staff.byCardNo(siteId, t).filter(s -> !s.retired());
        if (person.isEmpty()) {
            List<StaffView> byName = staff.search(siteId, t, null, false).stream().filter(s -> s.name().equals(t)).toList();
            person = byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
        }
        Meal meal = Meal.at(clock.instant().atZone(clock.getZone()).toLocalTime());
        jdbc.sql("""
                INSERT INTO canteen_entries (site_id, meal, staff_id, typed, allowed, hands_washed, at, recorded_by)
                VALUES (:site, :meal, :staff, :typed, :allowed, true, :now, :by)""")
                .param("site", siteId).param("meal", meal.name()).param("staff", person.map(StaffView::id).orElse(null))
                .param("typed", t).param("allowed", person.isPresent()).param("now", Timestamp.from(clock.instant()))
                .param("by", actor()).update();
        return person.map(p -> new Entry(true, p.name(), meal, null))
                .orElseGet(() -> new Entry(false, t, meal, "canteen.door.notStaff"));
    }

    @Transactional
    public void foodWaste(long siteId, WasteForm f) {
        jdbc.sql("INSERT INTO food_waste (site_id, kg, handed_to, at, recorded_by) VALUES (:site, :kg, :to, :now, :by)")
                .param("site", siteId).param("kg", f.kg()).param("to", f.handedTo().strip())
                .param("now", Timestamp.from(clock.instant())).param("by", actor()).update();
    }

    /** Each meal of a day: tableware done, due or overdue, and who came through the door. */
    @Transactional(readOnly = true)
    public List<MealState> meals(long siteId, LocalDate day) {
        ZoneId zone = clock.getZone();
        Instant now = clock.instant();
        Map<String, Object> params = Map.of("site", siteId, "from", Timestamp.from(day.atStartOfDay(zone).toInstant()),
                "to", Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()));
        Map<Meal, Instant> done = new EnumMap<>(Meal.class);
        jdbc.sql("SELECT meal, max(done_at) FROM tableware_disinfections WHERE site_id = :site AND done_at >= :from AND done_at < :to GROUP BY meal")
                .params(params).query((rs, n) -> done.put(Meal.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant())).list();
        Map<Meal, int[]> counts = new EnumMap<>(Meal.class);
        jdbc.sql("SELECT meal, allowed, count(*) FROM canteen_entries WHERE site_id = :site AND at >= :from AND at < :to GROUP BY meal, allowed")
                .params(params).query((rs, n) -> counts.computeIfAbsent(Meal.valueOf(rs.getString(1)), k -> new int[2])
                        [rs.getBoolean(2) ? 0 : 1] = rs.getInt(3)).list();
        List<MealState> out = new ArrayList<>();
        for (Meal m : Meal.values()) {
            Instant end = day.atTime(m.end).atZone(zone).toInstant();
            String state = done.containsKey(m) ? "DONE" : now.isBefore(end) ? "UPCOMING"
                    : now.isBefore(end.plus(Duration.ofHours(1))) ? "DUE" : "OVERDUE";
            int[] c = counts.getOrDefault(m, new int[2]);
            out.add(new MealState(m, state, done.get(m), c[0], c[1]));
        }
        return out;
    }

    public record Waste(Instant at, java.math.BigDecimal kg, String handedTo) {
    }

    /** A tableware disinfection as the paper ledger lists it. */
    public record Tableware(Instant at, Meal meal, TablewareMethod method, Integer concentration, int minutes,
            Integer temperature, String doneBy) {
    }

    @Transactional(readOnly = true)
    public List<Tableware> tableware(long siteId, LocalDate from, LocalDate to) {
        ZoneId zone = clock.getZone();
        return jdbc.sql("""
                SELECT done_at AS at, meal, method, concentration, minutes, temperature_c AS temperature, done_by
                FROM tableware_disinfections WHERE site_id = :site AND done_at >= :from AND done_at < :to ORDER BY done_at""")
                .param("site", siteId).param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant())).query(Tableware.class).list();
    }

    @Transactional(readOnly = true)
    public List<Waste> waste(long siteId, LocalDate day) {
        return waste(siteId, day, day);
    }

    @Transactional(readOnly = true)
    public List<Waste> waste(long siteId, LocalDate from, LocalDate to) {
        ZoneId zone = clock.getZone();
        return jdbc.sql("SELECT at, kg, handed_to FROM food_waste WHERE site_id = :site AND at >= :from AND at < :to ORDER BY at DESC")
                .param("site", siteId).param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant())).query(Waste.class).list();
    }

    private static String actor() {
        return CurrentUser.find().map(CurrentUser::getUsername).orElse("system");
    }
}
