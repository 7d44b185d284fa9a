package org.hallsafe.notice;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.hallsafe.organization.Views.SiteView;
import org.hallsafe.platform.ApiErrors;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.RateLimits;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.hallsafe.platform.Permissions.NOTICE_APPROVE;
import static org.hallsafe.platform.Permissions.NOTICE_EDIT;

/**
 * Notices as JSON (issue 15, item 7). Public: a hall's published notices (website channel) and each published notice,
 * without an account, rate-limited per address. The office: write a draft, change it, approve it (someone else),
 * publish, withdraw, and read any notice of its hall with its state. A step the state does not allow answers 409.
 */
@RestController
@ApiErrors.JsonApi
@RequestMapping("/api/v1/notices")
@Tag(name = "Notices", description = "R-SVC-1, R-REQ-2: postponed opening, prevention knowledge and progress notices")
class NoticesApi {

    private final Notices notices;
    private final NoticeDesk desk;
    private final RateLimits limits;
    private final Clock clock;
    private final MessageSource messages;

    NoticesApi(Notices notices, NoticeDesk desk, RateLimits limits, Clock clock,
            MessageSource messages) {
        this.notices = notices;
        this.desk = desk;
        this.limits = limits;
        this.clock = clock;
        this.messages = messages;
    }

    /** A notice as the office sees it. */
    record NoticeView(long id, Kind kind, Status status, String title, String markdown, String safeHtml,
            List<Channel> channels, Instant validFrom, Instant validUntil, int version, String updatedBy,
            String approvedBy, Instant publishedAt, Instant endedAt) {

        static NoticeView of(NoticeDesk.Notice n) {
            return new NoticeView(n.id(), n.kind(), n.status(), n.title(), n.body(), n.safeHtml(), n.channels(),
                    n.validFrom(), n.validUntil(), n.version(), n.updatedBy(), n.approvedBy(), n.publishedAt(),
                    n.endedAt());
        }
    }

    /** A published notice as the public reads it. */
    record PublicNotice(long id, Kind kind, String title, String markdown, String safeHtml, Instant publishedAt,
            Instant validFrom, Instant validUntil, int version, Set<Channel> channels, String url) {
    }

    @GetMapping("/public")
    @Operation(summary = "The hall's published notices on the website channel, newest first (no account)")
    List<PublicNotice> published(@RequestParam(required = false) String hall, HttpServletRequest request) {
        limits.consume(RateLimits.Kind.PUBLIC_READ_ADDRESS, request);
        SiteView site = notices.hall(hall);
        return notices.published(site.id(), Channel.WEBSITE, clock.instant()).stream().map(n -> view(n)).toList();
    }

    @GetMapping("/public/{id}")
    @Operation(summary = "One published notice of the hall; 404 for a draft, a withdrawn or an expired one (no account)")
    PublicNotice publishedOne(@PathVariable long id, @RequestParam(required = false) String hall,
            HttpServletRequest request) {
        limits.consume(RateLimits.Kind.PUBLIC_READ_ADDRESS, request);
        SiteView site = notices.hall(hall);
        return notices.published(site.id(), id).map(this::view)
                .orElseThrow(() -> NotFoundException.of("notice", id));
    }

    @GetMapping
    @RequiresPermission({NOTICE_EDIT, NOTICE_APPROVE})
    @Operation(summary = "The hall's notices in every state, last changed first; filter by status")
    List<NoticeDesk.Row> list(@RequestParam(required = false) Status status, SignedIn who) {
        return desk.list(who.siteId(), status, 500);
    }

    @GetMapping("/{id}")
    @RequiresPermission({NOTICE_EDIT, NOTICE_APPROVE})
    @Operation(summary = "One notice of the hall as it stands")
    NoticeView one(@PathVariable long id, SignedIn who) {
        return NoticeView.of(desk.notice(who.siteId(), id));
    }

    @PostMapping
    @RequiresPermission(NOTICE_EDIT)
    @Operation(summary = "Write a draft; validFrom/validUntil are the hall's local time (Asia/Shanghai)")
    ResponseEntity<NoticeView> create(@Valid @RequestBody NoticeForm form, SignedIn who) {
        long id = desk.create(who.siteId(), form);
        return ResponseEntity.created(URI.create("/api/v1/notices/" + id)).body(NoticeView.of(desk.notice(who.siteId(), id)));
    }

    @PutMapping("/{id}")
    @RequiresPermission(NOTICE_EDIT)
    @Operation(summary = "Save a new version of an unpublished notice; it becomes a draft again; 409 when published")
    NoticeView update(@PathVariable long id, @Valid @RequestBody NoticeForm form, SignedIn who) {
        desk.update(who.siteId(), id, form);
        return NoticeView.of(desk.notice(who.siteId(), id));
    }

    @PostMapping("/{id}/approve")
    @RequiresPermission(NOTICE_APPROVE)
    @Operation(summary = "Approve the draft's current version; someone other than its author; 409 otherwise")
    NoticeView approve(@PathVariable long id, SignedIn who) {
        desk.approve(who.siteId(), id);
        return NoticeView.of(desk.notice(who.siteId(), id));
    }

    @PostMapping("/{id}/publish")
    @RequiresPermission(NOTICE_EDIT)
    @Operation(summary = "Publish an approved notice on its channels at once; 409 when not approved")
    NoticeView publish(@PathVariable long id, SignedIn who) {
        desk.publish(who.siteId(), id);
        return NoticeView.of(desk.notice(who.siteId(), id));
    }

    @PostMapping("/{id}/withdraw")
    @RequiresPermission(NOTICE_EDIT)
    @Operation(summary = "Withdraw a published notice from every channel at once; 409 when not published")
    NoticeView withdraw(@PathVariable long id, SignedIn who) {
        desk.withdraw(who.siteId(), id);
        return NoticeView.of(desk.notice(who.siteId(), id));
    }

    /** A step the notice's state does not allow: 409, the reason under {@code errors.status}. */
    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.problems().forEach((field, key) -> errors.put(field,
                messages.getMessage(key, null, key, LocaleContextHolder.getLocale())));
        HttpStatus status = "status".equals(e.field()) || "notice.error.changedMeanwhile".equals(e.messageKey())
                ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, errors.values().iterator().next());
        problem.setProperty("errors", errors);
        return ResponseEntity.status(status).body(problem);
    }

    private PublicNotice view(PublishedNotice n) {
        return new PublicNotice(n.id(), n.kind(), n.title(), n.markdown(), n.safeHtml(), n.publishedAt(), n.validFrom(),
                n.validUntil(), n.version(), n.channels(), notices.publicUrl(n.siteId(), n.id()));
    }
}
