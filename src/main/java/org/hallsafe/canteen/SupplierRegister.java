package org.hallsafe.canteen;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.hallsafe.canteen.Canteen.Certificate;
import org.hallsafe.canteen.Canteen.CertificateState;
import org.hallsafe.canteen.Canteen.Supplier;
import org.hallsafe.canteen.CanteenForms.CertificateForm;
import org.hallsafe.canteen.CanteenForms.CertificateKind;
import org.hallsafe.canteen.CanteenForms.SupplierForm;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.SignedIn;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Suppliers and the certificates obtained from them (索证), each with its state today. */
@Service
class SupplierRegister {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ActivityLog activity;

    SupplierRegister(JdbcClient jdbc, Clock clock, ActivityLog activity) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.activity = activity;
    }

    private record Row(long id, String name, String contact) {
    }

    @Transactional(readOnly = true)
    List<Supplier> suppliers(long siteId) {
        List<Supplier> out = new ArrayList<>();
        for (Row r : jdbc.sql("SELECT id, name, contact FROM suppliers WHERE site_id = :site AND retired_at IS NULL ORDER BY name")
                .param("site", siteId).query(Row.class).list()) {
            out.add(new Supplier(r.id(), r.name(), r.contact(), certificates(r.id())));
        }
        return out;
    }

    /** One supplier of the hall with its certificates, read once for a delivery. */
    @Transactional(readOnly = true)
    Supplier supplier(long siteId, long id) {
        Row r = jdbc.sql("SELECT id, name, contact FROM suppliers WHERE site_id = :site AND id = :id AND retired_at IS NULL")
                .param("site", siteId).param("id", id).query(Row.class).optional().orElseThrow(() -> NotFoundException.of("supplier", id));
        return new Supplier(r.id(), r.name(), r.contact(), certificates(r.id()));
    }

    /** The newest certificate of each kind, and its state today; a kind never obtained is missing. */
    private List<Certificate> certificates(long supplierId) {
        LocalDate today = LocalDate.now(clock);
        Map<CertificateKind, Certificate> newest = new EnumMap<>(CertificateKind.class);
        jdbc.sql("SELECT kind, number, expires_on FROM supplier_certificates WHERE supplier_id = :id ORDER BY expires_on")
                .param("id", supplierId).query((rs, n) -> {
                    LocalDate expires = rs.getDate(3).toLocalDate();
                    return newest.put(CertificateKind.valueOf(rs.getString(1)), new Certificate(
                            CertificateKind.valueOf(rs.getString(1)), rs.getString(2), expires, DeliveryRules.state(expires, today)));
                }).list();
        List<Certificate> all = new ArrayList<>();
        for (CertificateKind k : CertificateKind.values()) {
            all.add(newest.getOrDefault(k, new Certificate(k, "", null, CertificateState.MISSING)));
        }
        return all;
    }

    @Transactional
    long saveSupplier(long siteId, SupplierForm f) {
        try {
            long id = jdbc.sql("INSERT INTO suppliers (site_id, name, contact, created_by) VALUES (:site, :name, :contact, :by) RETURNING id")
                    .param("site", siteId).param("name", f.name().strip()).param("contact", f.contact() == null ? "" : f.contact().strip())
                    .param("by", SignedIn.actor()).query(Long.class).single();
            activity.record("CREATED", "supplier", id, f.name());
            return id;
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("name", "canteen.supplier.taken");
        }
    }

    @Transactional
    void addCertificate(long siteId, long supplierId, CertificateForm f) {
        supplier(siteId, supplierId);
        jdbc.sql("""
                INSERT INTO supplier_certificates (site_id, supplier_id, kind, number, expires_on, created_by)
                VALUES (:site, :s, :k, :n, :e, :by)""")
                .param("site", siteId).param("s", supplierId).param("k", f.kind().name()).param("n", f.number().strip()).param("e", f.expiresOn())
                .param("by", SignedIn.actor()).update();
        activity.record("CREATED", "supplier-certificate", supplierId, f.kind() + " " + f.number() + " " + f.expiresOn());
    }
}
