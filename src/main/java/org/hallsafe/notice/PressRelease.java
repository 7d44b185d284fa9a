package org.hallsafe.notice;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * A notice as a press release (新闻通稿) for the media, in Word's format: the heading line, the title, the hall and
 * the date, the body from its Markdown (headings, paragraphs, lists; raw HTML is dropped), then the issuing unit
 * (发布单位), the contact and the notice's web address. Body type 仿宋-like 14 pt (四号), headings in 黑体, as
 * Chinese government press releases are set.
 */
final class PressRelease {

    private static final String BODY_FONT = "FangSong";
    private static final String HEAD_FONT = "SimHei";
    private static final String TITLE_FONT = "SimSun";

    /** The words around the notice, in the reader's language. */
    record Labels(String heading, String issuer, String contact, String web) {
    }

    private PressRelease() {
    }

    static void write(NoticeChannels.ChannelNotice notice, String contact, Labels labels, OutputStream out)
            throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFParagraph heading = doc.createParagraph();
            heading.setAlignment(ParagraphAlignment.CENTER);
            run(heading, labels.heading(), HEAD_FONT, 16, true);

            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingBefore(240);
            title.setSpacingAfter(120);
            run(title, notice.title(), TITLE_FONT, 22, true);

            XWPFParagraph byline = doc.createParagraph();
            byline.setAlignment(ParagraphAlignment.CENTER);
            byline.setSpacingAfter(360);
            run(byline, notice.hall() + "  " + notice.date(), BODY_FONT, 14, false);

            ChannelMarkdown.parse(notice.markdown()).accept(new Body(doc));

            XWPFParagraph issuer = doc.createParagraph();
            issuer.setSpacingBefore(480);
            run(issuer, labels.issuer() + notice.hall(), BODY_FONT, 14, false);
            if (contact != null && !contact.isBlank()) {
                run(doc.createParagraph(), labels.contact() + contact, BODY_FONT, 14, false);
            }
            run(doc.createParagraph(), labels.web() + notice.url(), BODY_FONT, 12, false);
            doc.write(out);
        }
    }

    private static XWPFRun run(XWPFParagraph paragraph, String text, String font, int size, boolean bold) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        font(run, font, size);
        run.setBold(bold);
        return run;
    }

    private static void font(XWPFRun run, String font, int size) {
        run.setFontFamily(font, FontCharRange.eastAsia);
        run.setFontFamily(font, FontCharRange.ascii);
        run.setFontFamily(font, FontCharRange.hAnsi);
        run.setFontSize(size);
    }

    /** Walks the Markdown: each block becomes a paragraph, inline emphasis becomes bold or italic runs. */
    private static final class Body extends AbstractVisitor {

        private final XWPFDocument doc;
        private XWPFParagraph paragraph;
        private boolean bold;
        private boolean italic;
        private int listDepth;
        private int quoteDepth;
        /** The number of the next item of each open list; 0 for a bullet list. */
        private final java.util.ArrayDeque<int[]> lists = new java.util.ArrayDeque<>();

        Body(XWPFDocument doc) {
            this.doc = doc;
        }

        private XWPFParagraph block() {
            XWPFParagraph p = doc.createParagraph();
            p.setSpacingAfter(120);
            p.setSpacingBetween(1.5);
            int indent = 420 * (listDepth + quoteDepth);
            if (indent > 0) {
                p.setIndentationLeft(indent);
            } else {
                p.setIndentationFirstLine(560); // two characters of 14 pt, as Chinese paragraphs start
            }
            return p;
        }

        private void text(String literal) {
            if (paragraph == null) {
                paragraph = block();
            }
            XWPFRun run = paragraph.createRun();
            run.setText(literal);
            font(run, BODY_FONT, 14);
            run.setBold(bold);
            run.setItalic(italic);
        }

        @Override
        public void visit(Heading heading) {
            paragraph = doc.createParagraph();
            paragraph.setSpacingBefore(240);
            paragraph.setSpacingAfter(120);
            XWPFRun run = paragraph.createRun();
            run.setText(ChannelMarkdown.text(heading));
            font(run, HEAD_FONT, heading.getLevel() <= 1 ? 16 : heading.getLevel() == 2 ? 15 : 14);
            run.setBold(true);
            paragraph = null;
        }

        @Override
        public void visit(Paragraph p) {
            boolean inItem = p.getParent() instanceof ListItem && p.getPrevious() == null;
            if (!inItem) {
                paragraph = block();
            }
            visitChildren(p);
            paragraph = null;
        }

        @Override
        public void visit(BulletList list) {
            lists.push(new int[] {0});
            listDepth++;
            visitChildren(list);
            listDepth--;
            lists.pop();
        }

        @Override
        public void visit(OrderedList list) {
            Integer start = list.getMarkerStartNumber();
            lists.push(new int[] {start == null ? 1 : start});
            listDepth++;
            visitChildren(list);
            listDepth--;
            lists.pop();
        }

        @Override
        public void visit(ListItem item) {
            int[] number = lists.peek();
            paragraph = block();
            String marker = number == null || number[0] == 0 ? "• " : (number[0]++) + ". ";
            text(marker);
            visitChildren(item);
            paragraph = null;
        }

        @Override
        public void visit(BlockQuote quote) {
            quoteDepth++;
            visitChildren(quote);
            quoteDepth--;
        }

        @Override
        public void visit(FencedCodeBlock code) {
            code(code.getLiteral());
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            code(code.getLiteral());
        }

        private void code(String literal) {
            for (String line : literal.strip().split("\n")) {
                paragraph = block();
                text(line);
            }
            paragraph = null;
        }

        @Override
        public void visit(ThematicBreak rule) {
            doc.createParagraph();
        }

        @Override
        public void visit(Text text) {
            text(text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            text(code.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak br) {
            text(" ");
        }

        @Override
        public void visit(HardLineBreak br) {
            if (paragraph != null) {
                paragraph.createRun().addBreak();
            }
        }

        @Override
        public void visit(Emphasis emphasis) {
            boolean was = italic;
            italic = true;
            visitChildren(emphasis);
            italic = was;
        }

        @Override
        public void visit(StrongEmphasis strong) {
            boolean was = bold;
            bold = true;
            visitChildren(strong);
            bold = was;
        }

        @Override
        public void visit(Link link) {
            visitChildren(link);
            String shown = ChannelMarkdown.text(link);
            if (link.getDestination() != null && link.getDestination().startsWith("http")
                    && !link.getDestination().equals(shown)) {
                text("（" + link.getDestination() + "）");
            }
        }

        @Override
        public void visit(Image image) {
            // a picture goes to the media as a file of its own; the release keeps its description
            String alt = ChannelMarkdown.text(image);
            if (!alt.isBlank()) {
                text("［" + alt + "］");
            }
        }
    }

}
