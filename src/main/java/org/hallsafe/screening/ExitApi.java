package org.hallsafe.screening;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.hallsafe.platform.ApiErrors;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The exit scan for a gate tablet or a scanner's own client (issue 17 item 2). */
@RestController
@RequestMapping("/api/v1/gate")
@ApiErrors.JsonApi
@Tag(name = "screening", description = "R-SCR-1..3: the first gate and its ledger")
class ExitApi {

    private final GateExits exits;

    ExitApi(GateExits exits) {
        this.exits = exits;
    }

    @Schema(description = "Who leaves: the booking code they were admitted with today, or the screening's id. One of the two.")
    record ExitRequest(
            @Schema(description = "The booking code (as printed, or the text of its QR code); case and spaces do not matter.",
                    example = "7K3QX9", maxLength = 16) @Size(max = 16) String bookingCode,
            @Schema(description = "The id of the admitting screening, as the gate's answer or the exit list gave it.",
                    example = "1052") @Positive Long screeningId) {
    }

    @Schema(description = "The exit as stored.")
    record ExitAnswer(
            @Schema(description = "The screening that admitted the person.", example = "1052") long screeningId,
            @Schema(description = "The person's name as screened.", example = "郑秀英") String name,
            @Schema(description = "When they left (server time, stamped by the first scan).", example = "2026-12-02T07:40:12Z")
                    Instant leftAt,
            @Schema(description = "True when an earlier scan had already stamped the leaving time: nothing was changed.")
                    boolean alreadyLeft) {
    }

    @PostMapping("/exits")
    @RequiresPermission(Permissions.GATE_RECORD)
    @Operation(summary = "Stamp a visitor's leaving time (exit scan)",
            description = "The server stamps the leaving time of the admitting screening once. Sending the same person "
                    + "again changes nothing and answers the first time with alreadyLeft true (已登记离开), so a client "
                    + "may retry freely. A screening of another hall is not found.")
    @ApiResponse(responseCode = "200", description = "Left now, or had already left (see alreadyLeft).")
    @ApiResponse(responseCode = "400", description = "Neither field given, a booking code that admitted nobody today, "
            + "or a screening that did not admit the person; problem+json naming the field.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "The account may not record at the gate.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such screening in your hall.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ExitAnswer exit(SignedIn who, @Valid @RequestBody ExitRequest request) {
        GateExits.Exit exit;
        if (request.screeningId() != null) {
            exit = exits.leave(who, request.screeningId());
        } else if (request.bookingCode() != null && !request.bookingCode().isBlank()) {
            exit = exits.leaveByCode(who, request.bookingCode());
        } else {
            throw new InvalidInputException("bookingCode", "gate.exit.whom");
        }
        return new ExitAnswer(exit.screeningId(), exit.name(), exit.leftAt(), exit.alreadyLeft());
    }
}
