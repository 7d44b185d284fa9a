package org.hallsafe.agency;

import java.util.List;

import org.hallsafe.agency.AgencyCases.Station;

/**
 * The custody chain of a case's file (流转): 收发室 → 代办窗口 → 承办科室 → 审批 → 出件 → 收发室（寄出）. A pure rule: the
 * next handover must go from where the file is to the station right after it; a skipped station, a step back or a
 * second handover of the same step is refused, so each station signs for the file exactly once and in order.
 */
final class CustodyChain {

    /** Why a handover is refused, as a message key; {@code null} when it may go ahead. */
    enum Refusal {
        NOT_HELD("agency.chain.notHeld"), SKIPPED("agency.chain.skipped"), DOUBLED("agency.chain.doubled"),
        UNCONFIRMED("agency.chain.unconfirmed"), ENDED("agency.chain.ended"), SAME_PERSON("agency.chain.samePerson");

        final String key;

        Refusal(String key) {
            this.key = key;
        }
    }

    /** One step already on the chain: from and to, and whether the receiver has confirmed it. */
    record Step(Station from, Station to, boolean confirmed) {
    }

    private static final List<Station> ORDER = List.of(Station.values());

    private CustodyChain() {
    }

    /** The station after this one, or null at the end of the chain. */
    static Station after(Station station) {
        int i = ORDER.indexOf(station);
        return i + 1 < ORDER.size() ? ORDER.get(i + 1) : null;
    }

    /** Where the file is when these steps are on the chain (the receiver of the last step), the mail room at first. */
    static Station holder(List<Step> steps) {
        return steps.isEmpty() ? ORDER.get(0) : steps.get(steps.size() - 1).to();
    }

    /** The station the next handover must go to, or null when the chain has ended. */
    static Station next(List<Step> steps) {
        return after(holder(steps));
    }

    /**
     * Whether a handover from {@code from} to {@code to} may be appended to these steps: the previous step
     * confirmed (a file nobody has signed for cannot move on), from the station that holds the file, to the next one.
     */
    static Refusal refuse(List<Step> steps, Station from, Station to) {
        Station held = holder(steps);
        if (!steps.isEmpty() && !steps.get(steps.size() - 1).confirmed()) {
            return steps.get(steps.size() - 1).to() == to ? Refusal.DOUBLED : Refusal.UNCONFIRMED;
        }
        if (steps.stream().anyMatch(s -> s.to() == to)) {
            return Refusal.DOUBLED;
        }
        if (from != held) {
            return Refusal.NOT_HELD;
        }
        Station next = after(held);
        if (next == null) {
            return Refusal.ENDED;
        }
        return to == next ? null : Refusal.SKIPPED;
    }

    /** Whether a receiver may confirm a step: never the person who handed it over, never twice. */
    static Refusal refuseConfirm(String handedBy, String confirmedBy, String alreadyConfirmedBy) {
        if (alreadyConfirmedBy != null) {
            return Refusal.DOUBLED;
        }
        return handedBy.equalsIgnoreCase(confirmedBy) ? Refusal.SAME_PERSON : null;
    }
}
