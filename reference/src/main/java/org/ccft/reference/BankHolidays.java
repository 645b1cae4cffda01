package org.ccft.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Bank holidays of England, read from GOV.UK's own feed format ({@code
 * www.gov.uk/bank-holidays.json}, division {@code england-and-wales}), so that a newer feed can
 * replace the file as it is. The years covered are the years the feed lists any holiday in.
 */
public record BankHolidays(SortedSet<LocalDate> dates, int firstYear, int lastYear) {

    public static final String DIVISION = "england-and-wales";

    public static BankHolidays england() {
        try (InputStream in = ReferenceFiles.open("bank-holidays.json")) {
            return fromFeed(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference/bank-holidays.json", e);
        }
    }

    public static BankHolidays fromFeed(InputStream feed) throws IOException {
        JsonNode events = new ObjectMapper().readTree(feed).path(DIVISION).path("events");
        if (!events.isArray() || events.isEmpty()) {
            throw new IllegalArgumentException(
                    "the bank-holiday feed has no " + DIVISION + " events");
        }
        SortedSet<LocalDate> dates = new TreeSet<>();
        events.forEach(e -> dates.add(LocalDate.parse(e.path("date").asText())));
        return new BankHolidays(dates, dates.first().getYear(), dates.last().getYear());
    }

    public boolean covers(LocalDate date) {
        return date.getYear() >= firstYear && date.getYear() <= lastYear;
    }
}
