package org.hallsafe.agency;

import java.util.List;

import org.hallsafe.agency.AgencyCases.Station;
import org.hallsafe.agency.CustodyChain.Refusal;
import org.hallsafe.agency.CustodyChain.Step;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #14 item 4: the custody chain's order, as a pure rule. */
class CustodyChainTest {

    private static final Step IN = new Step(Station.MAIL_ROOM, Station.WINDOW, true);

    @Test
    void r14_4_theFileMovesOneStationAtATimeInTheContractsOrder() {
        assertThat(CustodyChain.holder(List.of())).isEqualTo(Station.MAIL_ROOM);
        assertThat(CustodyChain.refuse(List.of(), Station.MAIL_ROOM, Station.WINDOW)).isNull();
        assertThat(CustodyChain.refuse(List.of(IN), Station.WINDOW, Station.SECTION)).isNull();
        assertThat(CustodyChain.holder(List.of(IN))).isEqualTo(Station.WINDOW);
        assertThat(CustodyChain.next(List.of(IN))).isEqualTo(Station.SECTION);
    }

    @Test
    void r14_4_aSkippedStepIsRefused() {
        assertThat(CustodyChain.refuse(List.of(), Station.MAIL_ROOM, Station.SECTION)).isEqualTo(Refusal.SKIPPED);
        assertThat(CustodyChain.refuse(List.of(IN), Station.WINDOW, Station.APPROVAL)).isEqualTo(Refusal.SKIPPED);
        assertThat(CustodyChain.refuse(List.of(IN), Station.SECTION, Station.APPROVAL)).isEqualTo(Refusal.NOT_HELD);
    }

    @Test
    void r14_4_aDoubledStepIsRefused() {
        assertThat(CustodyChain.refuse(List.of(IN), Station.MAIL_ROOM, Station.WINDOW)).isEqualTo(Refusal.DOUBLED);
        Step waiting = new Step(Station.MAIL_ROOM, Station.WINDOW, false);
        assertThat(CustodyChain.refuse(List.of(waiting), Station.MAIL_ROOM, Station.WINDOW)).isEqualTo(Refusal.DOUBLED);
        assertThat(CustodyChain.refuse(List.of(waiting), Station.WINDOW, Station.SECTION))
                .isEqualTo(Refusal.UNCONFIRMED);
    }

    @Test
    void r14_4_theChainEndsAtTheMailRoomSendingTheResult() {
        List<Step> all = List.of(IN, new Step(Station.WINDOW, Station.SECTION, true),
                new Step(Station.SECTION, Station.APPROVAL, true), new Step(Station.APPROVAL, Station.RESULT, true),
                new Step(Station.RESULT, Station.MAIL_OUT, true));
        assertThat(CustodyChain.holder(all)).isEqualTo(Station.MAIL_OUT);
        assertThat(CustodyChain.next(all)).isNull();
        assertThat(CustodyChain.refuse(all, Station.MAIL_OUT, Station.MAIL_ROOM)).isEqualTo(Refusal.ENDED);
    }

    @Test
    void r14_4_theConfirmerMustDifferFromTheOneWhoHandedOverAndConfirmsOnce() {
        assertThat(CustodyChain.refuseConfirm("li.mailroom", "LI.MAILROOM", null)).isEqualTo(Refusal.SAME_PERSON);
        assertThat(CustodyChain.refuseConfirm("li.mailroom", "wang.window", null)).isNull();
        assertThat(CustodyChain.refuseConfirm("li.mailroom", "wang.window", "wang.window")).isEqualTo(Refusal.DOUBLED);
    }
}
