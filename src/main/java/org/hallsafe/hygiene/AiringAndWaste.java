package org.hallsafe.hygiene;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.hallsafe.hygiene.Hygiene.Aired;
import org.hallsafe.hygiene.Hygiene.Handover;
import org.hallsafe.hygiene.Hygiene.Removed;
import org.hallsafe.hygiene.HygieneForms.HandoverForm;
import org.hallsafe.hygiene.HygieneForms.VentilationForm;
import org.hallsafe.hygiene.HygieneForms.WasteForm;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.SignedIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Airing, waste removal and the medical-waste handover ledger, and the day's lists of each. */
@Service
class AiringAndWaste {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ActivityLog activity;
    private final LiveUpdates live;
    private final Hygiene hygiene;

    AiringAndWaste(JdbcClient jdbc, Clock clock, ActivityLog activity, LiveUpdates live, Hygiene hygiene) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.activity = activity;
        this.live = live;
        this.hygiene = hygiene;
    }

    @Transactional
    void ventilate(long siteId, VentilationForm f) {
        hygiene.zone(siteId, f.zoneId());
        jdbc.sql("INSERT INTO ventilations (site_id, zone_id, opened_at, minutes, done_by, recorded_by) VALUES (:site, :zone, :now, :m, :doneBy, :by)")
                .param("site", siteId).param("zone", f.zoneId()).param("now", hygiene.now()).param("m", f.minutes())
                .param("doneBy", f.doneBy().strip()).param("by", SignedIn.actor()).update();
        live.publishToSite(siteId, "hygiene");
    }

    @Transactional
    void removeWaste(long siteId, WasteForm f) {
        hygiene.zone(siteId, f.zoneId());
        jdbc.sql("INSERT INTO waste_removals (site_id, zone_id, bags, removed_at, done_by, recorded_by) VALUES (:site, :zone, :bags, :now, :doneBy, :by)")
                .param("site", siteId).param("zone", f.zoneId()).param("bags", f.bags()).param("now", hygiene.now())
                .param("doneBy", f.doneBy().strip()).param("by", SignedIn.actor()).update();
    }

    /** A medical-waste handover; the receiver's name and unit are required here and by the table. */
    @Transactional
    long handOver(long siteId, HandoverForm f) {
        if (f.receiverName() == null || f.receiverName().isBlank()) {
            throw new InvalidInputException("receiverName", "hygiene.receiver.required");
        }
        if (f.receiverUnit() == null || f.receiverUnit().isBlank()) {
            throw new InvalidInputException("receiverUnit", "hygiene.receiver.required");
        }
        long id = jdbc.sql("""
                INSERT INTO medical_waste_handovers (site_id, containers, weight_kg, handed_by, receiver_name, receiver_unit,
                    handed_at, recorded_by)
                VALUES (:site, :c, :w, :by, :rn, :ru, :now, :actor) RETURNING id""")
                .param("site", siteId).param("c", f.containers()).param("w", f.weightKg()).param("by", f.handedBy().strip())
                .param("rn", f.receiverName().strip()).param("ru", f.receiverUnit().strip()).param("now", hygiene.now())
                .param("actor", SignedIn.actor()).query(Long.class).single();
        activity.record("CREATED", "medical-waste", id, f.containers() + " → " + f.receiverUnit());
        return id;
    }

    @Transactional(readOnly = true)
    List<Aired> aired(long siteId, LocalDate day) {
        return jdbc.sql("""
                SELECT v.opened_at AS at, z.name AS zone, v.minutes, v.done_by FROM ventilations v JOIN zones z ON z.id = v.zone_id
                WHERE v.site_id = :site AND v.opened_at >= :from AND v.opened_at < :to ORDER BY v.opened_at DESC""")
                .params(dayParams(siteId, day)).query(Aired.class).list();
    }

    @Transactional(readOnly = true)
    List<Removed> removed(long siteId, LocalDate day) {
        return jdbc.sql("""
                SELECT w.removed_at AS at, z.name AS zone, w.bags, w.done_by FROM waste_removals w JOIN zones z ON z.id = w.zone_id
                WHERE w.site_id = :site AND w.removed_at >= :from AND w.removed_at < :to ORDER BY w.removed_at DESC""")
                .params(dayParams(siteId, day)).query(Removed.class).list();
    }

    @Transactional(readOnly = true)
    List<Handover> handovers(long siteId, LocalDate day) {
        return jdbc.sql("""
                SELECT id, handed_at AS at, containers, weight_kg, handed_by, receiver_name, receiver_unit
                FROM medical_waste_handovers WHERE site_id = :site AND handed_at >= :from AND handed_at < :to ORDER BY handed_at DESC""")
                .params(dayParams(siteId, day)).query(Handover.class).list();
    }

    private Map<String, Object> dayParams(long siteId, LocalDate day) {
        ZoneId zone = clock.getZone();
        return Map.of("site", siteId, "from", Timestamp.from(day.atStartOfDay(zone).toInstant()),
                "to", Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()));
    }
}
