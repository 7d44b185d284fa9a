package org.hallsafe.appointments;

import org.hallsafe.appointments.AppointmentForms.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13, item 2: booking status transitions as a pure state table, without Spring or a database. */
class BookingStatesTest {

    @Test
    void r13_3_bookingStatesRefuseArrivingACancelledBooking() {
        assertThat(BookingStates.allows(Status.CANCELLED, Status.ARRIVED)).isFalse();
        assertThat(BookingStates.allows(Status.BOOKED, Status.ARRIVED)).isTrue();
        assertThat(BookingStates.sources(Status.ARRIVED)).containsExactly(Status.BOOKED);
    }

    @Test
    void r13_3_aPersonIsCalledOnlyAfterArrivingAndServedOnlyAfterBeingCalled() {
        assertThat(BookingStates.allows(Status.BOOKED, Status.CALLED)).isFalse();
        assertThat(BookingStates.allows(Status.ARRIVED, Status.CALLED)).isTrue();
        assertThat(BookingStates.allows(Status.ARRIVED, Status.DONE)).isFalse();
        assertThat(BookingStates.allows(Status.CALLED, Status.DONE)).isTrue();
    }

    @Test
    void r13_3_onlyABookedPlaceIsCancelledMovedRefusedOrMissed() {
        for (Status to : new Status[] {Status.CANCELLED, Status.BOOKED, Status.REFUSED, Status.NO_SHOW}) {
            assertThat(BookingStates.sources(to)).as(to.name()).containsExactly(Status.BOOKED);
        }
        assertThat(BookingStates.allows(Status.ARRIVED, Status.CANCELLED)).as("someone in the hall cancels nothing").isFalse();
        assertThat(BookingStates.allows(Status.NO_SHOW, Status.BOOKED)).as("a missed booking is not moved").isFalse();
    }

    @Test
    void r13_3_finalStatesGoNowhereAndOpenOnesHoldThePersonsPlace() {
        for (Status end : new Status[] {Status.CANCELLED, Status.DONE, Status.NO_SHOW, Status.REFUSED}) {
            for (Status to : Status.values()) {
                assertThat(BookingStates.allows(end, to)).as(end + " → " + to).isFalse();
            }
            assertThat(BookingStates.open(end)).isFalse();
        }
        assertThat(BookingStates.openStates()).containsExactlyInAnyOrder(Status.BOOKED, Status.ARRIVED, Status.CALLED);
        assertThat(BookingStates.countedStates())
                .containsExactlyInAnyOrder(Status.BOOKED, Status.ARRIVED, Status.CALLED, Status.DONE);
    }

    @Test
    void r13_3_theConditionalUpdatesTakeTheirStatesFromTheTable() {
        assertThat(BookingStates.sqlSources(Status.CALLED)).isEqualTo("'ARRIVED'");
        assertThat(BookingStates.sqlSources(Status.DONE)).isEqualTo("'CALLED'");
        assertThat(BookingStates.sql(BookingStates.openStates())).isEqualTo("'ARRIVED','BOOKED','CALLED'");
        assertThat(BookingStates.allows(null, Status.BOOKED)).isFalse();
    }
}
