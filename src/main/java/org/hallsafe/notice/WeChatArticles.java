package org.hallsafe.notice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.HtmlRenderer;
import org.hallsafe.notice.WeChatPublisher.WeChatArticle;
import org.springframework.web.util.HtmlUtils;

/**
 * A notice as the WeChat official-account editor takes it (公众号图文): the editor keeps inline {@code style}
 * attributes and drops classes, style sheets and scripts, and it takes no picture from another server, so every
 * element carries its own style, nothing else, and each picture is a file beside the article.
 */
final class WeChatArticles {

    /** WeChat cuts a digest longer than this. */
    static final int DIGEST_MAX = 120;

    /** Phone-first: 17 px body type and loose lines, as WeChat's own articles. */
    static final Map<String, String> STYLES = Map.ofEntries(
            Map.entry("p", "margin:0 0 1em;"),
            Map.entry("h1", "font-size:22px;font-weight:bold;line-height:1.4;margin:1.2em 0 0.6em;"),
            Map.entry("h2", "font-size:20px;font-weight:bold;line-height:1.4;margin:1.2em 0 0.6em;"),
            Map.entry("h3", "font-size:18px;font-weight:bold;line-height:1.4;margin:1em 0 0.5em;"),
            Map.entry("h4", "font-size:17px;font-weight:bold;margin:1em 0 0.5em;"),
            Map.entry("h5", "font-size:17px;font-weight:bold;margin:1em 0 0.5em;"),
            Map.entry("h6", "font-size:17px;font-weight:bold;margin:1em 0 0.5em;"),
            Map.entry("ul", "margin:0 0 1em;padding-left:1.5em;"),
            Map.entry("ol", "margin:0 0 1em;padding-left:1.5em;"),
            Map.entry("li", "margin:0.3em 0;"),
            Map.entry("blockquote", "margin:0 0 1em;padding:0.5em 1em;border-left:4px solid #c62828;background:#f7f7f7;color:#555555;"),
            Map.entry("img", "display:block;max-width:100%;height:auto;margin:0.5em auto;"),
            Map.entry("a", "color:#576b95;text-decoration:none;"),
            Map.entry("strong", "font-weight:bold;color:#111111;"),
            Map.entry("em", "font-style:italic;"),
            Map.entry("code", "font-family:Menlo,Consolas,monospace;font-size:15px;background:#f5f5f5;padding:0 4px;"),
            Map.entry("pre", "margin:0 0 1em;padding:0.8em;background:#f5f5f5;white-space:pre-wrap;word-break:break-all;font-size:15px;"),
            Map.entry("hr", "border:0;border-top:1px solid #dddddd;margin:1.5em 0;"));

    private static final String SECTION = "font-size:17px;line-height:1.75;color:#222222;letter-spacing:0.5px;"
            + "word-wrap:break-word;";
    private static final String BYLINE = "font-size:14px;color:#888888;margin:0 0 1.2em;";
    private static final String FOOTER = "font-size:14px;color:#888888;margin:1.5em 0 0;padding-top:0.8em;"
            + "border-top:1px solid #eeeeee;";

    private WeChatArticles() {
    }

    /** A picture of the body, as found by its address in the Markdown. */
    record Picture(String contentType, byte[] bytes) {
    }

    /**
     * The article of a notice. {@code pictures} finds a picture by its address in the body; one it does not find
     * (another server's) is left out and its description kept as text.
     *
     * @param byline the line under the title: the hall and the date
     * @param footer the last line: where the notice is on the web
     */
    static WeChatArticle article(NoticeChannels.ChannelNotice notice, String byline, String footer,
            Function<String, Optional<Picture>> pictures) {
        Node document = ChannelMarkdown.parse(notice.markdown());
        List<WeChatPublisher.Image> images = new ArrayList<>();
        Map<String, String> renamed = new java.util.HashMap<>();
        for (Image image : ChannelMarkdown.images(document)) {
            String src = image.getDestination();
            if (renamed.containsKey(src)) {
                image.setDestination(renamed.get(src));
                continue;
            }
            Optional<Picture> picture = pictures.apply(src);
            if (picture.isEmpty()) {
                ChannelMarkdown.replaceByText(image);
                continue;
            }
            String name = (images.size() + 1) + extension(picture.get().contentType());
            images.add(new WeChatPublisher.Image(name, picture.get().contentType(), picture.get().bytes()));
            renamed.put(src, "images/" + name);
            image.setDestination("images/" + name);
        }
        String digest = ChannelMarkdown.text(document);
        digest = digest.length() > DIGEST_MAX ? digest.substring(0, DIGEST_MAX - 1) + "…" : digest;
        HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    attributes.remove("class");
                    String style = STYLES.get(tag);
                    if (style != null) {
                        attributes.put("style", style);
                    }
                }).build();
        String html = "<section style=\"" + SECTION + "\">"
                + "<p style=\"" + BYLINE + "\">" + HtmlUtils.htmlEscape(byline) + "</p>"
                + renderer.render(document)
                + "<p style=\"" + FOOTER + "\">" + HtmlUtils.htmlEscape(footer) + "</p>"
                + "</section>";
        return new WeChatArticle(notice.siteId(), notice.id(), notice.title(), notice.hall(), digest, html,
                List.copyOf(images), notice.url());
    }

    /**
     * The ZIP the office downloads: {@code article.html}, a page to open in a browser and copy into the editor, and
     * {@code images/}. The title is not in the body: the editor has its own field for it.
     */
    static byte[] zip(WeChatArticle article) {
        String page = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>"
                + HtmlUtils.htmlEscape(article.title()) + "</title></head><body>\n"
                + article.html() + "\n</body></html>\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("article.html"));
            zip.write(page.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (WeChatPublisher.Image image : article.images()) {
                zip.putNextEntry(new ZipEntry("images/" + image.name()));
                zip.write(image.bytes());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String extension(String contentType) {
        return switch (contentType == null ? "" : contentType) {
            case "image/png" -> ".png";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            default -> ".jpg";
        };
    }
}
