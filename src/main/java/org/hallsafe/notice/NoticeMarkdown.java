package org.hallsafe.notice;

import java.util.regex.Pattern;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * A notice's Markdown as HTML that is safe to put in any page: CommonMark renders it (raw HTML passes through), then
 * the OWASP sanitizer keeps only plain formatting, lists, tables, links (http, https, mailto, tel or relative, opened
 * with {@code rel="nofollow noopener noreferrer"}) and pictures uploaded to the notice. Scripts, event handlers,
 * {@code javascript:} and {@code data:} links, style attributes, frames and forms are removed.
 */
final class NoticeMarkdown {

    /** Where the notice's own pictures are served; no other picture source is kept. */
    static final Pattern IMAGE_SRC = Pattern.compile("/public/notices/images/\\d+");

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().sanitizeUrls(true).build();
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "del", "s",
                    "ul", "ol", "li", "blockquote", "code", "pre", "a", "img", "table", "thead", "tbody", "tr", "th",
                    "td", "sub", "sup")
            // a notice's page has its own h1 (the title): a heading in the body is one level below
            .allowElements((name, attrs) -> "h2", "h1")
            .allowUrlProtocols("http", "https", "mailto", "tel")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .allowAttributes("src").matching(IMAGE_SRC).onElements("img")
            .allowAttributes("alt", "title").onElements("img", "a")
            .allowAttributes("start").matching(Pattern.compile("\\d{1,4}")).onElements("ol")
            .toFactory();

    private NoticeMarkdown() {
    }

    /** The body as sanitized HTML. */
    static String toSafeHtml(String markdown) {
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown == null ? "" : markdown)));
    }

    /** The body as plain text (for the feed's summary and the screens' short lines): no markup at all. */
    static String toPlainText(String markdown) {
        String html = toSafeHtml(markdown);
        String text = new HtmlPolicyBuilder().toFactory().sanitize(html.replaceAll("</(p|li|h\\d|tr|blockquote)>", " $0"));
        return org.owasp.html.Encoding.decodeHtml(text, false).replaceAll("\\s+", " ").strip();
    }
}
