package org.hallsafe.tracing;

import java.time.LocalDate;

import org.hallsafe.platform.PlainText;
import org.hallsafe.shared.DocumentType;
import org.hallsafe.tracing.Traces.By;
import org.hallsafe.tracing.Traces.TraceRequest;
import org.springframework.format.annotation.DateTimeFormat;

/** The tracing page's forms. */
final class TracingForms {

    private TracingForms() {
    }

    /** The start form: the person (by document, phone or staff member), the days and the reason. */
    record TraceForm(By by, DocumentType docType, @PlainText(max = PlainText.CODE) String docNo,
            @PlainText(max = PlainText.PHONE) String phone, Long staffId,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @PlainText(max = PlainText.NOTE, multiline = true) String reason) {

        static TraceForm empty(LocalDate today) {
            return new TraceForm(By.DOCUMENT, DocumentType.ID_CARD, "", "", null,
                    today.minusDays(TraceChecks.DEFAULT_DAYS - 1), today, "");
        }

        TraceRequest request() {
            return new TraceRequest(by, docType, docNo, phone, staffId, from, to, reason);
        }
    }

    /** The hall's stays for estimates, in minutes. */
    record StaysForm(Integer defaultStayMinutes, Integer staffStayMinutes) {
    }
}
