package dev.signet.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** {@code #{notice.text}}: what the change just before this page did, shown once by {@code <s:page>}. */
@Named("notice")
@RequestScoped
public class Notice {
    private String text;
    private boolean taken;

    public String getText() {
        if (!taken) {
            text = Pages.notice();
            taken = true;
        }
        return text;
    }
}
