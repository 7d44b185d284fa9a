package org.hallsafe.notice;

import java.util.List;

/**
 * Sends a published notice to the hall's WeChat official account (微信公众号). HallSafe has no internet connection of
 * its own, so its default ({@link ExportingWeChatPublisher}) only writes the article as a ZIP that the office pastes
 * into the official-account editor. A real adapter is a Spring bean implementing this interface, marked
 * {@code @Primary}; it gets the same article and would, with WeChat's API:
 * <ol>
 * <li>upload each of {@link WeChatArticle#images()} with {@code media/uploadimg} and put the URL it answers in place
 * of {@code images/<name>} in {@link WeChatArticle#html()};</li>
 * <li>upload a cover picture as permanent material ({@code material/add_material}) for the {@code thumb_media_id};</li>
 * <li>save a draft ({@code draft/add}: title, author, digest, content, content_source_url) and publish it
 * ({@code freepublish/submit}), answering what WeChat answered as {@link Result#reference()}.</li>
 * </ol>
 * An adapter must not throw for a refusal by WeChat: it answers {@link Result#done()} false with the reason, which
 * the office sees.
 */
public interface WeChatPublisher {

    Result publish(WeChatArticle article);

    /**
     * An article as WeChat's draft API takes it.
     *
     * @param title the notice's title (WeChat allows 64 characters; longer ones are cut by the adapter)
     * @param author the hall's name
     * @param digest the first words of the body, at most 120 characters
     * @param html the body with inline styles only: no script, no class, no style sheet; images as
     *     {@code images/<name>}
     * @param images the pictures the body shows, by the name it uses
     * @param sourceUrl the notice's public page (阅读原文)
     * @param siteId the hall
     * @param noticeId the notice
     */
    record WeChatArticle(long siteId, long noticeId, String title, String author, String digest, String html,
            List<Image> images, String sourceUrl) {
    }

    /** A picture of the body: {@code name} as in {@code images/<name>}. */
    record Image(String name, String contentType, byte[] bytes) {
    }

    /**
     * @param done whether the article went where this publisher sends it
     * @param reference where it went: a file, or the id WeChat gave; or why not
     */
    record Result(boolean done, String reference) {
    }
}
