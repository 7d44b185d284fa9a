package org.hallsafe.accountability;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.hallsafe.organization.WrittenRecords.WrittenRecord;

/**
 * The formalism check (形式主义检查, issue 16 item 6; R-ORG-2, R-REQ-3), all its rules in one place and pure: the
 * records of one section and one day in, what they earned out. Each rule looks for a sign that records were written up
 * rather than kept: a high share of back-fills; readings implausibly uniform (many identical temperatures, or a spread
 * no thermometer gives across people); many records about moments across the day entered in one burst at its end;
 * one account recording checks for many people at once.
 */
final class FormalismRules {

    /** A rule looks at no fewer records than this (a day of two records proves nothing). */
    static final int MIN_RECORDS = 5;
    static final double BACKFILL_SHARE = 0.3;
    static final int MIN_READINGS = 8;
    /** The share of readings on one value above which they are "many identical temperatures". */
    static final double SAME_VALUE_SHARE = 0.6;
    /** Below this standard deviation (°C) across people, the spread is none a thermometer gives. */
    static final double MIN_SPREAD = 0.1;
    static final int BURST_RECORDS = 8;
    static final Duration BURST_SPAN = Duration.ofMinutes(10);
    /** A burst "at the end of the day": starting within this time before the hall closes, or after. */
    static final Duration END_OF_DAY = Duration.ofMinutes(60);
    /** ...and about moments spread over at least this much of the day. */
    static final Duration BURST_ABOUT_SPREAD = Duration.ofHours(2);
    static final int MANY_PEOPLE = 6;
    static final Duration AT_ONCE = Duration.ofMinutes(5);

    enum Rule {
        BACKFILLS, SAME_READINGS, NARROW_SPREAD, END_OF_DAY_BURST, ONE_FOR_MANY;

        /** The message key of the rule's flag. */
        String key() {
            return "formalism.rule." + name();
        }
    }

    /** What a rule found: the figures for its message and the records behind it. */
    record Finding(Rule rule, String detail, List<WrittenRecord> records) {
    }

    private FormalismRules() {
    }

    /** Every rule on one section's records of one day; {@code closesAt} is when the hall closed (or the day's end). */
    static List<Finding> check(List<WrittenRecord> records, Instant closesAt) {
        List<Finding> findings = new ArrayList<>();
        backfills(records).ifPresent(findings::add);
        readings(records).ifPresent(findings::add);
        burst(records, closesAt).ifPresent(findings::add);
        oneForMany(records).ifPresent(findings::add);
        return findings;
    }

    static Optional<Finding> backfills(List<WrittenRecord> records) {
        List<WrittenRecord> back = records.stream().filter(WrittenRecord::backfilled).toList();
        if (records.size() < MIN_RECORDS || back.size() < BACKFILL_SHARE * records.size()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Rule.BACKFILLS, back.size() + "/" + records.size(), back));
    }

    /** Many identical temperatures first; else a spread too narrow for readings of different people. */
    static Optional<Finding> readings(List<WrittenRecord> records) {
        List<WrittenRecord> read = records.stream().filter(r -> r.reading() != null).toList();
        if (read.size() < MIN_READINGS) {
            return Optional.empty();
        }
        Map<BigDecimal, List<WrittenRecord>> byValue = read.stream().collect(Collectors.groupingBy(
                r -> r.reading().stripTrailingZeros(), LinkedHashMap::new, Collectors.toList()));
        List<WrittenRecord> most = byValue.values().stream().max(Comparator.comparingInt(List::size)).orElseThrow();
        if (most.size() >= SAME_VALUE_SHARE * read.size()) {
            return Optional.of(new Finding(Rule.SAME_READINGS,
                    most.size() + "/" + read.size() + " " + most.get(0).reading().toPlainString(), most));
        }
        Set<String> people = read.stream().map(WrittenRecord::subject).collect(Collectors.toSet());
        double mean = read.stream().mapToDouble(r -> r.reading().doubleValue()).average().orElse(0);
        double sd = Math.sqrt(read.stream().mapToDouble(r -> Math.pow(r.reading().doubleValue() - mean, 2)).sum() / read.size());
        if (people.size() >= MIN_READINGS && sd < MIN_SPREAD) {
            return Optional.of(new Finding(Rule.NARROW_SPREAD,
                    String.format(java.util.Locale.ROOT, "%d %.2f", read.size(), sd), read));
        }
        return Optional.empty();
    }

    /**
     * Many records entered within minutes, at the end of the day, about moments spread over the day: the day written
     * up at once. A cleaner who does several zones in a row at closing (moments as entered) is not flagged.
     */
    static Optional<Finding> burst(List<WrittenRecord> records, Instant closesAt) {
        List<WrittenRecord> sorted = records.stream().sorted(Comparator.comparing(WrittenRecord::enteredAt)).toList();
        Instant endStarts = closesAt.minus(END_OF_DAY);
        List<WrittenRecord> best = List.of();
        for (int i = 0, j = 0; i < sorted.size(); i++) {
            if (sorted.get(i).enteredAt().isBefore(endStarts)) {
                continue;
            }
            j = Math.max(j, i);
            while (j + 1 < sorted.size() && !sorted.get(j + 1).enteredAt().isAfter(sorted.get(i).enteredAt().plus(BURST_SPAN))) {
                j++;
            }
            if (j - i + 1 > best.size()) {
                best = sorted.subList(i, j + 1);
            }
        }
        if (best.size() < BURST_RECORDS) {
            return Optional.empty();
        }
        Instant first = best.stream().map(WrittenRecord::aboutAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = best.stream().map(WrittenRecord::aboutAt).max(Comparator.naturalOrder()).orElseThrow();
        if (Duration.between(first, last).compareTo(BURST_ABOUT_SPREAD) < 0) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Rule.END_OF_DAY_BURST, String.valueOf(best.size()), List.copyOf(best)));
    }

    /**
     * One account entering checks for many different people within minutes (each should check themselves). The gate's
     * screener records many people by the nature of the post: gate readings are left out.
     */
    static Optional<Finding> oneForMany(List<WrittenRecord> records) {
        Map<String, List<WrittenRecord>> byAccount = records.stream()
                .filter(r -> r.reading() != null && !"screening.gate".equals(r.kind()) && r.recordedBy() != null)
                .sorted(Comparator.comparing(WrittenRecord::enteredAt))
                .collect(Collectors.groupingBy(WrittenRecord::recordedBy, LinkedHashMap::new, Collectors.toList()));
        Finding found = null;
        for (Map.Entry<String, List<WrittenRecord>> e : byAccount.entrySet()) {
            List<WrittenRecord> list = e.getValue();
            for (int i = 0; i < list.size(); i++) {
                Instant until = list.get(i).enteredAt().plus(AT_ONCE);
                List<WrittenRecord> window = list.subList(i, list.size()).stream()
                        .filter(r -> !r.enteredAt().isAfter(until)).toList();
                Set<String> people = new HashSet<>(window.stream().map(WrittenRecord::subject)
                        .filter(Objects::nonNull).toList());
                if (people.size() >= MANY_PEOPLE && (found == null || window.size() > found.records().size())) {
                    found = new Finding(Rule.ONE_FOR_MANY, e.getKey() + " " + people.size(), window);
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** Records grouped by section (null: no section), in the order first seen. */
    static Map<Long, List<WrittenRecord>> bySection(List<WrittenRecord> records) {
        Map<Long, List<WrittenRecord>> out = new LinkedHashMap<>();
        for (WrittenRecord r : records) {
            out.computeIfAbsent(r.sectionId(), k -> new ArrayList<>()).add(r);
        }
        return out;
    }
}
