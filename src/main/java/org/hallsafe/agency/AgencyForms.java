package org.hallsafe.agency;

import java.util.UUID;

import org.hallsafe.agency.AgencyCases.Channel;
import org.hallsafe.agency.AgencyCases.Opening;

/** The agency module's forms. Their rules live in {@link OpeningRules}: the page, the API and the facade agree. */
final class AgencyForms {

    private AgencyForms() {
    }

    /** A citizen's application (or a case a window or the duty desk opens): applicant, phone, return address. */
    record ApplyForm(UUID submissionId, Long itemId, String applicant, String company, String phone, String address,
            String sending, Channel channel, Long callId) {

        static ApplyForm empty(Long itemId) {
            return new ApplyForm(UUID.randomUUID(), itemId, "", "", "", "", "", null, null);
        }

        /** The opening through a channel; the citizens' own pages pass no call. */
        Opening opening(Channel channel, Long call) {
            return new Opening(submissionId, itemId, channel, applicant, company, phone, address, sending, call);
        }
    }

    /** An item's commitment as the office sets it. */
    record TermsForm(Integer timeLimitDays, Long departmentId) {
    }

    /** The citizen's look-up: case code and the full phone number, both required. */
    record StatusForm(String code, String phone) {
    }
}
