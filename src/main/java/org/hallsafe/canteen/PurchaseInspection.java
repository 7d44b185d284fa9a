package org.hallsafe.canteen;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hallsafe.canteen.Canteen.Purchase;
import org.hallsafe.canteen.Canteen.Supplier;
import org.hallsafe.canteen.CanteenForms.Item;
import org.hallsafe.canteen.CanteenForms.PurchaseForm;
import org.hallsafe.organization.RecordTimes;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.PlainText;
import org.hallsafe.platform.PlausibleDate;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.shared.EarlierMoment.Verdict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The purchase inspection ledger (进货查验台账): each delivery checked line by line against {@link DeliveryRules}. */
@Service
class PurchaseInspection {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ActivityLog activity;
    private final SupplierRegister suppliers;
    private final RecordTimes recordTimes;

    PurchaseInspection(JdbcClient jdbc, Clock clock, ActivityLog activity, SupplierRegister suppliers,
            RecordTimes recordTimes) {
        this.recordTimes = recordTimes;
        this.jdbc = jdbc;
        this.clock = clock;
        this.activity = activity;
        this.suppliers = suppliers;
    }

    /**
     * Checks every row of a delivery and stores it whole or not at all. Problems are keyed by the form's field names
     * ({@code itemName[2]}), so each message stands beside its row.
     */
    @Transactional
    long recordPurchase(long siteId, PurchaseForm f) {
        Map<String, String> problems = new LinkedHashMap<>();
        Supplier supplier = null;
        if (f.supplierId() == null) {
            problems.put("supplierId", "canteen.supplier.required");
        } else {
            supplier = suppliers.supplier(siteId, f.supplierId());
        }
        if (f.deliveredOn() == null) {
            problems.put("deliveredOn", "validation.required");
        }
        PlausibleDate.Horizon.TODAY.problem(f.deliveredOn(), clock).ifPresent(key -> problems.put("deliveredOn", key));
        bound(problems, RecordTimes.REASON_FIELD, f.backfillReason(), PlainText.NOTE);
        // the one rule for an earlier moment (issue 16, item 6): an earlier day beyond the window is a back-fill
        Verdict verdict = recordTimes.judgeDay(siteId, f.deliveredOn(), f.backfillReason());
        if (!problems.containsKey("deliveredOn")) {
            RecordTimes.problems(verdict, "deliveredOn").forEach(problems::putIfAbsent);
        }
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
            for (DeliveryRules.Problem p : DeliveryRules.check(item, supplier == null ? null : supplier.certificates())) {
                problems.put(p.field() + "[" + i + "]", p.key());
            }
            int row = i;
            PlausibleDate.Horizon.TODAY.problem(item.producedOn(), clock)
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
                    inspector, created_at, created_by, backfilled, backfill_reason)
                VALUES (:site, :s, :supplier, :day, :invoice, true, :inspector, :now, :by, :backfilled, :reason)
                ON CONFLICT (site_id, submission_id) DO NOTHING RETURNING id""")
                .param("site", siteId).param("s", f.submissionId()).param("supplier", f.supplierId())
                .param("day", f.deliveredOn()).param("invoice", f.invoiceNo() == null ? "" : f.invoiceNo().strip())
                .param("inspector", f.inspector().strip()).param("now", Timestamp.from(clock.instant())).param("by", SignedIn.actor())
                .param("backfilled", verdict.backfilled()).param("reason", verdict.reason()).query(Long.class).optional();
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

    private static void bound(Map<String, String> problems, String field, String value, int max) {
        String key = PlainText.Rules.problem(value, max, false);
        if (key != null) {
            problems.putIfAbsent(field, key);
        }
    }

    @Transactional(readOnly = true)
    List<Purchase> purchases(long siteId, LocalDate from, LocalDate to) {
        List<Purchase> out = new ArrayList<>();
        record Row(long id, LocalDate deliveredOn, String supplier, String invoiceNo, boolean certificatesChecked,
                String inspector, boolean backfilled, String backfillReason) {
        }
        for (Row r : jdbc.sql("""
                SELECT p.id, p.delivered_on, s.name AS supplier, p.invoice_no, p.certificates_checked, p.inspector,
                       p.backfilled, p.backfill_reason
                FROM purchases p JOIN suppliers s ON s.id = p.supplier_id
                WHERE p.site_id = :site AND p.delivered_on BETWEEN :from AND :to ORDER BY p.delivered_on DESC, p.id DESC""")
                .param("site", siteId).param("from", from).param("to", to).query(Row.class).list()) {
            List<Item> items = jdbc.sql("""
                    SELECT name, category, quantity, unit, batch, produced_on, shelf_life, quarantine_no, result, reason
                    FROM purchase_items WHERE purchase_id = :id ORDER BY id""").param("id", r.id()).query(Item.class).list();
            out.add(new Purchase(r.id(), r.deliveredOn(), r.supplier(), r.invoiceNo(), r.certificatesChecked(),
                    r.inspector(), items, r.backfilled(), r.backfillReason()));
        }
        return out;
    }
}
