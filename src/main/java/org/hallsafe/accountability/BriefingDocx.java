package org.hallsafe.accountability;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The daily briefing as a Word document (Apache POI XWPF): the same parts as the page, in the same order. */
@Component
class BriefingDocx {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final ZoneId zone;

    BriefingDocx(MessageSource messages, java.time.Clock clock) {
        this.messages = messages;
        this.zone = clock.getZone();
    }

    void write(Briefings.Briefing b, Locale locale, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, b.hall() + " " + word(locale, "briefing.title"), true, 18);
            XWPFParagraph sub = doc.createParagraph();
            sub.setAlignment(ParagraphAlignment.CENTER);
            run(sub, word(locale, "briefing.dayOf", b.day().toString()) + (b.sent()
                    ? " · " + word(locale, "briefing.sentLine", TIME.format(b.sentAt().atZone(zone)), b.sentBy()) : ""),
                    false, 11);

            heading(doc, word(locale, "briefing.figures"));
            table(doc, List.of(word(locale, "measure.measure"), word(locale, "briefing.col.figure"),
                    word(locale, "briefing.col.value"), word(locale, "briefing.col.level")),
                    b.tiles().stream().map(t -> List.of(word(locale, "measure." + t.measureCode()), word(locale, t.key()),
                            String.valueOf(t.value()), word(locale, "briefing.level." + t.level()))).toList());

            heading(doc, word(locale, "briefing.sections"));
            table(doc, List.of(word(locale, "briefing.col.section"), word(locale, "briefing.col.state"),
                    word(locale, "feedback.problems"), word(locale, "feedback.request")),
                    b.sections().stream().map(s -> List.of(s.section(), word(locale, "feedback.state." + s.state()),
                            s.problems(), s.request().isEmpty() ? "" : requestTo(locale, s) + s.request())).toList());

            heading(doc, word(locale, "briefing.flags"));
            if (b.flags().isEmpty()) {
                run(doc.createParagraph(), word(locale, "briefing.flags.none"), false, 11);
            }
            for (Briefings.FlagLine f : b.flags()) {
                run(doc.createParagraph(), (f.section().isEmpty() ? "" : f.section() + "：")
                        + word(locale, f.rule(), f.detail()), false, 11);
            }

            heading(doc, word(locale, "briefing.remarks"));
            run(doc.createParagraph(), b.remarks().isEmpty() ? word(locale, "feedback.none") : b.remarks(), false, 11);
            doc.write(out);
        }
    }

    private String requestTo(Locale locale, Briefings.SectionLine s) {
        return "[" + (s.requestTo() == null || s.requestTo().isEmpty() ? word(locale, "feedback.requestTo.group")
                : s.requestTo()) + "] ";
    }

    private String word(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(240);
        run(p, text, true, 13);
    }

    private static void run(XWPFParagraph p, String text, boolean bold, int size) {
        XWPFRun r = p.createRun();
        r.setFontFamily("SimSun");
        r.setBold(bold);
        r.setFontSize(size);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                r.addBreak();
            }
            r.setText(lines[i]);
        }
    }

    private static void table(XWPFDocument doc, List<String> headings, List<List<String>> rows) {
        XWPFTable table = doc.createTable(rows.size() + 1, headings.size());
        table.setWidth("100%");
        fill(table.getRow(0), headings, true);
        for (int i = 0; i < rows.size(); i++) {
            fill(table.getRow(i + 1), rows.get(i), false);
        }
    }

    private static void fill(XWPFTableRow row, List<String> values, boolean bold) {
        for (int c = 0; c < values.size(); c++) {
            XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
            run(p, values.get(c) == null ? "" : values.get(c), bold, 10);
        }
    }
}
