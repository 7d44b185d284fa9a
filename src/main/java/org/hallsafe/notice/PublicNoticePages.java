package org.hallsafe.notice;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.servlet.http.HttpServletRequest;
import org.hallsafe.organization.Views.SiteView;
import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RateLimits;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The website channel (R-SVC-1, R-REQ-2), without an account: a hall's published notices on a phone-first page, each
 * at a stable address, an Atom feed the government website or the internet service platform pulls, and an HTML
 * fragment to embed. The hall is chosen by {@code ?hall=CODE} like the booking pages (without one, the first hall).
 * Every request is rate-limited per client address; nothing is cached, so a withdrawn notice is gone at once.
 */
@Controller
class PublicNoticePages {

    private final Notices notices;
    private final NoticeDesk desk;
    private final RateLimits limits;
    private final Clock clock;
    private final NoticeProperties properties;

    PublicNoticePages(Notices notices, NoticeDesk desk, RateLimits limits, Clock clock,
            NoticeProperties properties) {
        this.notices = notices;
        this.desk = desk;
        this.limits = limits;
        this.clock = clock;
        this.properties = properties;
    }

    @GetMapping("/public/notices")
    String list(@RequestParam(required = false) String hall, HttpServletRequest request, Model model) {
        SiteView site = hall(hall, request, model);
        model.addAttribute("notices", notices.published(site.id(), Channel.WEBSITE, clock.instant()));
        return "notice/public-list";
    }

    @GetMapping("/public/notices/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String hall, HttpServletRequest request,
            Model model) {
        SiteView site = hall(hall, request, model);
        model.addAttribute("notice", notices.published(site.id(), id)
                .orElseThrow(() -> NotFoundException.of("notice", id)));
        return "notice/public-show";
    }

    /** The embeddable fragment: the newest titles with their dates, linked to their pages; no script, no style. */
    @GetMapping(path = "/public/notices/embed", produces = MediaType.TEXT_HTML_VALUE)
    String embed(@RequestParam(required = false) String hall, HttpServletRequest request, Model model) {
        SiteView site = hall(hall, request, model);
        model.addAttribute("notices", newest(site));
        model.addAttribute("base", notices.base().toUriString());
        return "notice/embed";
    }

    @GetMapping(path = "/public/notices/feed.atom")
    ResponseEntity<String> feed(@RequestParam(required = false) String hall, HttpServletRequest request)
            throws XMLStreamException {
        limits.consume(RateLimits.Kind.PUBLIC_READ_ADDRESS, request);
        SiteView site = notices.hall(hall);
        List<PublishedNotice> shown = newest(site);
        String base = notices.base().toUriString();
        String self = base + "/public/notices/feed.atom?hall=" + site.code();
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
        element(xml, "id", "tag:hallsafe," + site.code() + ":notices");
        element(xml, "title", site.name() + " · 通告 Notices");
        element(xml, "updated", time(shown.isEmpty() ? Instant.EPOCH : shown.get(0).publishedAt()));
        link(xml, "self", self, "application/atom+xml");
        link(xml, "alternate", base + "/public/notices?hall=" + site.code(), "text/html");
        xml.writeStartElement("author");
        element(xml, "name", site.name());
        xml.writeEndElement();
        for (PublishedNotice n : shown) {
            xml.writeStartElement("entry");
            // the version is part of the id: a notice changed and published again is a new entry for the readers
            element(xml, "id", "tag:hallsafe," + site.code() + ":notice:" + n.id() + ":v" + n.version());
            element(xml, "title", n.title());
            element(xml, "updated", time(n.publishedAt()));
            element(xml, "published", time(n.publishedAt()));
            link(xml, "alternate", base + "/public/notices/" + n.id() + "?hall=" + site.code(), "text/html");
            xml.writeStartElement("category");
            xml.writeAttribute("term", n.kind().name());
            xml.writeEndElement();
            element(xml, "summary", Notices.plainText(n));
            xml.writeStartElement("content");
            xml.writeAttribute("type", "html");
            xml.writeCharacters(n.safeHtml());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .cacheControl(CacheControl.noCache()).body(out.toString());
    }

    /** A picture of a published notice; the office, signed in, also sees the pictures of its drafts. */
    @GetMapping("/public/notices/images/{id}")
    ResponseEntity<byte[]> image(@PathVariable long id, @RequestParam(required = false) String hall,
            HttpServletRequest request) {
        limits.consume(RateLimits.Kind.PUBLIC_READ_ADDRESS, request);
        Optional<Notices.Image> image = CurrentUser.find()
                .filter(u -> u.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Permissions.NOTICE_EDIT)
                        || a.getAuthority().equals(Permissions.NOTICE_APPROVE)))
                .flatMap(u -> desk.image(u.siteId(), id));
        if (image.isEmpty()) {
            image = ownerOf(id).flatMap(site -> notices.image(site, id));
        }
        return image.map(i -> ResponseEntity.ok().contentType(MediaType.parseMediaType(i.contentType()))
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Content-Security-Policy", "default-src 'none'; sandbox")
                        .cacheControl(CacheControl.noCache()).body(i.bytes()))
                .orElse(ResponseEntity.notFound().build());
    }

    private Optional<Long> ownerOf(long imageId) {
        return desk.siteOfImage(imageId);
    }

    private List<PublishedNotice> newest(SiteView site) {
        List<PublishedNotice> shown = notices.published(site.id(), Channel.WEBSITE, clock.instant());
        return shown.subList(0, Math.min(shown.size(), Math.max(1, properties.feedSize())));
    }

    private SiteView hall(String code, HttpServletRequest request, Model model) {
        limits.consume(RateLimits.Kind.PUBLIC_READ_ADDRESS, request);
        SiteView site = notices.hall(code);
        model.addAttribute("hall", site);
        return site;
    }


    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }

    private static String time(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at);
    }
}
