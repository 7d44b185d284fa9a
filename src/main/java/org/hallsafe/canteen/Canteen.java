package org.hallsafe.canteen;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hallsafe.canteen.CanteenForms.CertificateForm;
import org.hallsafe.canteen.CanteenForms.CertificateKind;
import org.hallsafe.canteen.CanteenForms.Item;
import org.hallsafe.canteen.CanteenForms.Meal;
import org.hallsafe.canteen.CanteenForms.PurchaseForm;
import org.hallsafe.canteen.CanteenForms.SupplierForm;
import org.hallsafe.canteen.CanteenForms.TablewareMethod;
import org.hallsafe.platform.StandbyRead;
import org.springframework.stereotype.Service;

/**
 * The canteen's facade: its ledgers and rules (no wild animals, no live poultry, poultry only with its quarantine
 * certificate, nothing from a supplier whose certificate for it has expired, tableware disinfected after each meal,
 * nobody but staff at the door). The rules are {@link DeliveryRules}; the work is done by {@link SupplierRegister},
 * {@link PurchaseInspection} and {@link MealRecords}.
 */
@Service
public class Canteen {

    public enum CertificateState { VALID, EXPIRING, EXPIRED, MISSING }

    public record Certificate(CertificateKind kind, String number, LocalDate expiresOn, CertificateState state) {
    }

    public record Supplier(long id, String name, String contact, List<Certificate> certificates) {

        public boolean warning() {
            return certificates.stream().anyMatch(c -> c.state() != CertificateState.VALID);
        }
    }

    /** A delivery; a {@code backfilled} one (dated beyond the hall's window) is marked 补录 with its reason. */
    public record Purchase(long id, LocalDate deliveredOn, String supplier, String invoiceNo, boolean certificatesChecked,
            String inspector, List<Item> items, boolean backfilled, String backfillReason) {
    }

    public record MealState(Meal meal, String state, Instant doneAt, int admitted, int refused) {
    }

    /** The result at the door: who it was, whether they may enter, and for which meal. */
    public record Entry(boolean allowed, String name, Meal meal, String reasonKey) {
    }

    public record Waste(Instant at, BigDecimal kg, String handedTo) {
    }

    /** A tableware disinfection as the paper ledger lists it. */
    public record Tableware(Instant at, Meal meal, TablewareMethod method, Integer concentration, int minutes,
            Integer temperature, String doneBy) {
    }

    private final SupplierRegister suppliers;
    private final PurchaseInspection purchases;
    private final MealRecords meals;

    Canteen(SupplierRegister suppliers, PurchaseInspection purchases, MealRecords meals) {
        this.suppliers = suppliers;
        this.purchases = purchases;
        this.meals = meals;
    }

    public List<Supplier> suppliers(long siteId) {
        return suppliers.suppliers(siteId);
    }

    public Supplier supplier(long siteId, long id) {
        return suppliers.supplier(siteId, id);
    }

    public long saveSupplier(long siteId, SupplierForm f) {
        return suppliers.saveSupplier(siteId, f);
    }

    public void addCertificate(long siteId, long supplierId, CertificateForm f) {
        suppliers.addCertificate(siteId, supplierId, f);
    }

    /** A delivery, stored whole or not at all; problems keyed by the form's fields ({@code itemName[2]}). */
    public long recordPurchase(long siteId, PurchaseForm f) {
        return purchases.recordPurchase(siteId, f);
    }

    /** The purchase ledger; may read from the standby (a browser that just recorded one reads the primary). */
    @StandbyRead
    public List<Purchase> purchases(long siteId, LocalDate from, LocalDate to) {
        return purchases.purchases(siteId, from, to);
    }

    /** Someone at the canteen door: staff (by card number or full name) enter after washing their hands. */
    public Entry enter(long siteId, String typed, boolean handsWashed) {
        return meals.enter(siteId, typed, handsWashed);
    }
}
