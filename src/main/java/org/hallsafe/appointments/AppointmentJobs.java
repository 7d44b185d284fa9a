package org.hallsafe.appointments;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute: bookings past their slot and grace become no-shows, and due reminders go out. Both claim their rows
 * with a conditional UPDATE, so several nodes do each once.
 */
@Component
class AppointmentJobs {

    private final WindowQueue queue;
    private final BookingTexts texts;

    AppointmentJobs(WindowQueue queue, BookingTexts texts) {
        this.queue = queue;
        this.texts = texts;
    }

    @Scheduled(fixedDelayString = "${hallsafe.appointments.check:60s}", initialDelayString = "${hallsafe.appointments.check:60s}")
    void run() {
        queue.markNoShows();
        texts.sendReminders();
    }
}
