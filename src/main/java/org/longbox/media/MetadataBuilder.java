package org.longbox.media;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects {@link BookMetadata} fields one at a time; the readers fill what their format says. */
final class MetadataBuilder {
    String title;
    String series;
    Double number;
    Integer volume;
    String summary;
    String notes;
    String ageRating;
    Integer year;
    Integer month;
    Integer day;
    String publisher;
    String language;
    final List<String> writers = new ArrayList<>();
    final List<String> pencillers = new ArrayList<>();
    final List<String> inkers = new ArrayList<>();
    final List<String> colorists = new ArrayList<>();
    final List<String> letterers = new ArrayList<>();
    final List<String> coverArtists = new ArrayList<>();
    final List<String> editors = new ArrayList<>();
    final List<String> genres = new ArrayList<>();
    final List<String> characters = new ArrayList<>();
    final List<String> teams = new ArrayList<>();
    final List<String> links = new ArrayList<>();
    Integer pageCount;

    BookMetadata build() {
        BookMetadata m = new BookMetadata(title, series, number, volume, summary, notes, ageRating, year, month, day,
                publisher, language, List.copyOf(writers), List.copyOf(pencillers), List.copyOf(inkers),
                List.copyOf(colorists), List.copyOf(letterers), List.copyOf(coverArtists), List.copyOf(editors),
                List.copyOf(genres), List.copyOf(characters), List.copyOf(teams), List.copyOf(links), pageCount);
        return m.equals(BookMetadata.EMPTY) ? BookMetadata.EMPTY : m;
    }

    /** Adds the trimmed, non-empty, not yet present parts of {@code value} split at {@code separators}. */
    static void addSplit(List<String> target, String value, String separators) {
        if (value == null) {
            return;
        }
        Arrays.stream(value.split(separators)).map(String::strip).filter(s -> !s.isEmpty())
                .filter(s -> !target.contains(s)).forEach(target::add);
    }

    static Integer parseInt(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Double parseNumber(String value) {
        if (value == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(value.strip().replace(',', '.'));
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A date as "2019", "2019-05", "2019-05-14" or with a time after the day; silently partial. */
    void date(String value) {
        if (value == null) {
            return;
        }
        String[] parts = value.strip().split("[-T ]", 4);
        Integer y = parts.length > 0 ? parseInt(parts[0]) : null;
        if (y == null || y <= 0) {
            return;
        }
        year = y;
        Integer m = parts.length > 1 ? parseInt(parts[1]) : null;
        if (m != null && m >= 1 && m <= 12) {
            month = m;
            Integer d = parts.length > 2 ? parseInt(parts[2]) : null;
            day = d != null && d >= 1 && d <= 31 ? d : null;
        }
    }
}
