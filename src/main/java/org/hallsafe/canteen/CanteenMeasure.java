package org.hallsafe.canteen;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hallsafe.organization.MeasureStatusProvider;
import org.hallsafe.organization.Measures;
import org.springframework.stereotype.Component;

/**
 * R-CAN in the responsibility matrix, for each section that owns it: meals whose tableware was disinfected, due now,
 * and overdue, the overdue counting also suppliers with an expired or missing certificate.
 */
@Component
class CanteenMeasure implements MeasureStatusProvider {

    private final Canteen canteen;
    private final MealRecords meals;
    private final Measures measures;

    CanteenMeasure(Canteen canteen, MealRecords meals, Measures measures) {
        this.canteen = canteen;
        this.meals = meals;
        this.measures = measures;
    }

    @Override
    public String measureCode() {
        return "R-CAN";
    }

    @Override
    public Map<Long, MeasureStatus> statuses(long siteId, LocalDate day) {
        List<Canteen.MealState> today = meals.meals(siteId, day);
        int done = (int) today.stream().filter(m -> m.state().equals("DONE")).count();
        int due = (int) today.stream().filter(m -> m.state().equals("DUE")).count();
        int blocked = (int) canteen.suppliers(siteId).stream()
                .filter(s -> s.certificates().stream().anyMatch(DeliveryRules::blocks)).count();
        int overdue = (int) today.stream().filter(m -> m.state().equals("OVERDUE")).count() + blocked;
        Map<Long, MeasureStatus> out = new HashMap<>();
        for (Long owner : measures.owners(siteId).getOrDefault(measureCode(), Set.of())) {
            out.put(owner, new MeasureStatus(done, due, overdue));
        }
        return out;
    }

    /** The day's meals and the suppliers' certificates: the canteen page of that day shows both. */
    @Override
    public String sectionLink(long siteId, long sectionId, LocalDate day) {
        return "/canteen?day=" + day;
    }

    @Override
    public String recordsKey() {
        return "measure.records.meals";
    }
}
