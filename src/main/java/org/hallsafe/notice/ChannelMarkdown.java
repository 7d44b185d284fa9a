package org.hallsafe.notice;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * A notice's Markdown body as a tree for the channels that are not web pages (the WeChat article, the press release).
 * Raw HTML in the body is dropped, not carried: those channels take no markup but what HallSafe writes itself.
 */
final class ChannelMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final Pattern CODE_ELEMENT = Pattern.compile("(?i)<(script|style)\\b");

    private ChannelMarkdown() {
    }

    static Node parse(String markdown) {
        Node document = PARSER.parse(markdown == null ? "" : markdown);
        List<Node> html = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock block) {
                html.add(block);
            }

            @Override
            public void visit(HtmlInline inline) {
                html.add(inline);
            }
        });
        for (Node node : html) {
            // the words between <script> and </script> (or <style>) are code, not text: they go as well
            Matcher open = node instanceof HtmlInline inline ? CODE_ELEMENT.matcher(inline.getLiteral()) : null;
            if (open != null && open.lookingAt()) {
                Pattern close = Pattern.compile("(?i)</" + open.group(1) + "\\s*>");
                for (Node next = node.getNext(); next != null && !(next instanceof HtmlInline end
                        && close.matcher(end.getLiteral()).lookingAt()); ) {
                    Node following = next.getNext();
                    next.unlink();
                    next = following;
                }
            }
            node.unlink();
        }
        return document;
    }

    static List<Image> images(Node document) {
        List<Image> images = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                images.add(image);
            }
        });
        return images;
    }

    /** An image shown as its description where the picture itself cannot go along. */
    static void replaceByText(Image image) {
        String alt = text(image);
        if (!alt.isBlank()) {
            image.insertBefore(new Text(alt));
        }
        image.unlink();
    }

    /** The words of a node and its children, without any markup. */
    static String text(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.Code code) {
                out.append(code.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.SoftLineBreak br) {
                out.append(' ');
            }

            @Override
            public void visit(org.commonmark.node.HardLineBreak br) {
                out.append(' ');
            }

            @Override
            public void visit(org.commonmark.node.Paragraph paragraph) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                visitChildren(paragraph);
            }
        });
        return out.toString().strip();
    }
}
