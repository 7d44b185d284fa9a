package org.hallsafe.agency;

import java.util.Locale;

import org.hallsafe.agency.AgencyCases.ItemTerms;
import org.hallsafe.organization.Directory;
import org.hallsafe.platform.Deliveries;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.platform.SealedValue;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The SMS a citizen gets about a case (source {@code agency}, one per case and purpose), in Chinese; the phone is
 * opened only when a gateway sends it. Other parts of the module add their texts here.
 */
@Component
class CaseTexts {

    private final Deliveries deliveries;
    private final PersonalData personalData;
    private final Directory directory;
    private final MessageSource messages;

    CaseTexts(Deliveries deliveries, PersonalData personalData, Directory directory, MessageSource messages) {
        this.deliveries = deliveries;
        this.personalData = personalData;
        this.directory = directory;
        this.messages = messages;
    }

    /** Opened: the code to write on the envelope, what to send, and where. */
    void opened(long siteId, long caseId, String code, ItemTerms item, SealedValue phone) {
        var hall = directory.site(siteId);
        String what = item.materials().isEmpty() ? word("agency.sms.openedAsList") : String.join("、", item.materials());
        send(siteId, caseId, "agency.sms.opened", phone.cipherText(), phone.masked(),
                word("agency.sms.opened", CaseCodes.display(code), item.itemName(), what,
                        hall.address().isBlank() ? hall.name() : hall.name() + " " + hall.address().strip()), code,
                CaseCodes.display(code));
    }

    /** Sends one SMS about a case to its applicant, once per purpose. */
    void send(long siteId, long caseId, String purpose, byte[] phoneCipher, String phoneMasked, String text,
            String... secrets) {
        deliveries.enqueueSms(new Deliveries.Sms(siteId, "agency", String.valueOf(caseId), purpose, "agency-case:" + caseId,
                "", phoneMasked, text), () -> personalData.reveal(phoneCipher, "agency-case", caseId, "phone (SMS)"), secrets);
    }

    String word(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
