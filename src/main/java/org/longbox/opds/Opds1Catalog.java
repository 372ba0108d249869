package org.longbox.opds;

import org.longbox.library.Library;
import org.longbox.library.LibraryService;
import org.longbox.library.Media;
import org.longbox.library.MediaService;
import org.longbox.library.Series;
import org.longbox.library.SeriesService;
import org.longbox.reading.ProgressService;
import org.longbox.server.Page;
import org.longbox.server.PageRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The OPDS 1.2 feeds, built from the same services as the REST API with the caller's view, so a
 * feed never shows what the API would hide; and only books a reading app can open (READY), and
 * series holding one, chosen in SQL so counts and pages agree. Every list is paged: 0-based {@code page}, 20 a page,
 * with first/previous/next/last links and OpenSearch totals. {@code updated} comes from the data.
 */
public final class Opds1Catalog {
    public static final int PAGE_SIZE = 20;

    private final LibraryService libraries;
    private final SeriesService series;
    private final MediaService media;
    private final ProgressService progress;
    private final Instant startedAt;

    public Opds1Catalog(LibraryService libraries, SeriesService series, MediaService media, ProgressService progress,
                        Instant startedAt) {
        this.libraries = libraries;
        this.series = series;
        this.media = media;
        this.progress = progress;
        this.startedAt = startedAt;
    }

    public Atom.Feed root(OpdsReader r) {
        OpdsUrls u = r.urls();
        Instant updated = libraries.list(r.viewer(), PageRequest.of(1, 1000, false, null, null)).items().stream()
                .map(l -> Instant.ofEpochMilli(l.updatedAt())).max(Comparator.naturalOrder()).orElse(startedAt);
        List<Atom.Entry> entries = List.of(
                nav("keep-reading", "Keep reading", "Books you have started", "/keep-reading", Atom.ACQUISITION, updated, u),
                nav("series", "All series", "Every series, by name", "/series", Atom.NAVIGATION, updated, u),
                nav("series-latest", "Latest series", "Series, newest first", "/series/latest", Atom.NAVIGATION, updated, u),
                nav("books-latest", "Latest books", "Books, newest first", "/books/latest", Atom.ACQUISITION, updated, u),
                nav("libraries", "Libraries", "Every library", "/libraries", Atom.NAVIGATION, updated, u));
        List<Atom.Link> links = new ArrayList<>(List.of(
                Atom.Link.of("self", u.to("/catalog"), Atom.NAVIGATION),
                Atom.Link.of("start", u.to("/catalog"), Atom.NAVIGATION),
                Atom.Link.titled("search", u.to("/search"), Atom.OPENSEARCH, "Search")));
        return new Atom.Feed("urn:longbox:opds:catalog", "Longbox", updated, links, entries, null);
    }

    public Atom.Feed libraries(OpdsReader r, int page) {
        Page<Library> p = libraries.list(r.viewer(), request(page));
        List<Atom.Entry> entries = p.items().stream().map(l -> new Atom.Entry("urn:uuid:" + l.id(), l.name(),
                Instant.ofEpochMilli(l.updatedAt()), List.of(), l.description(), null, null,
                List.of(Atom.Link.of("subsection", r.urls().to("/libraries/" + l.id()), Atom.NAVIGATION)))).toList();
        return feed("urn:longbox:opds:libraries", "Libraries", "/libraries", Map.of(), Atom.NAVIGATION, p, entries, r);
    }

    public Atom.Feed librarySeries(OpdsReader r, String libraryId, int page) {
        Library library = libraries.get(r.viewer(), libraryId);
        Page<Series> p = series.list(r.viewer(), readableSeries(libraryId, null, null, null), request(page));
        return feed("urn:uuid:" + libraryId, library.name(), "/libraries/" + libraryId, Map.of(), Atom.NAVIGATION, p,
                seriesEntries(p, r), r);
    }

    public Atom.Feed allSeries(OpdsReader r, String search, int page) {
        Page<Series> p = series.list(r.viewer(), readableSeries(null, search, null, null), request(page));
        return feed("urn:longbox:opds:series", search == null ? "All series" : "Series matching " + search, "/series",
                OpdsUrls.query("search", search), Atom.NAVIGATION, p, seriesEntries(p, r), r);
    }

    public Atom.Feed latestSeries(OpdsReader r, int page) {
        Page<Series> p = series.list(r.viewer(), readableSeries(null, null, "created_at", "desc"), request(page));
        return feed("urn:longbox:opds:series-latest", "Latest series", "/series/latest", Map.of(), Atom.NAVIGATION, p,
                seriesEntries(p, r), r);
    }

    public Atom.Feed seriesBooks(OpdsReader r, String seriesId, int page) {
        Series s = series.find(r.viewer(), seriesId);
        Page<Media> p = media.list(r.viewer(), MediaService.Filter.none().readableOnly().withSeries(seriesId), request(page));
        return feed("urn:uuid:" + seriesId, s.name(), "/series/" + seriesId, Map.of(), Atom.ACQUISITION, p, bookEntries(p.items(), r), r);
    }

    public Atom.Feed latestBooks(OpdsReader r, int page) {
        Page<Media> p = media.list(r.viewer(), MediaService.Filter.none().readableOnly().orderedBy("created_at", "desc"), request(page));
        return feed("urn:longbox:opds:books-latest", "Latest books", "/books/latest", Map.of(), Atom.ACQUISITION, p,
                bookEntries(p.items(), r), r);
    }

    public Atom.Feed keepReading(OpdsReader r, int page) {
        Page<Media> p = media.keepReading(r.viewer(), request(page), true);
        return feed("urn:longbox:opds:keep-reading", "Keep reading", "/keep-reading", Map.of(), Atom.ACQUISITION, p,
                bookEntries(p.items(), r), r);
    }

    /**
     * Search over series names and titles and over books (titles, series names, authors): the
     * matching series first (as subsections), then the books, paged together.
     */
    public Atom.Feed search(OpdsReader r, String query, int page) {
        String q = query == null ? "" : query.trim();
        List<Atom.Entry> entries = new ArrayList<>();
        long total;
        if (q.isEmpty()) {
            total = 0;
        } else {
            PageRequest pr = request(page);
            Page<Series> seriesPage = series.list(r.viewer(), readableSeries(null, q, null, null), pr);
            long seriesTotal = seriesPage.total();
            entries.addAll(seriesEntries(seriesPage, r));
            // the books start right after the last series: on this page they are a window over (at most) two of their own pages
            long booksOffset = Math.max(0, pr.offset() - seriesTotal);
            int first = (int) (booksOffset / PAGE_SIZE);
            int skip = (int) (booksOffset % PAGE_SIZE);
            int room = PAGE_SIZE - entries.size();
            MediaService.Filter books = MediaService.Filter.none().readableOnly().withSearch(q);
            Page<Media> booksPage = media.list(r.viewer(), books, PageRequest.of(first, PAGE_SIZE, true, null, null));
            List<Media> found = new ArrayList<>(booksPage.items());
            if (room > 0 && skip > 0 && found.size() == PAGE_SIZE) {
                found.addAll(media.list(r.viewer(), books, PageRequest.of(first + 1, PAGE_SIZE, true, null, null)).items());
            }
            if (room > 0 && skip < found.size()) {
                entries.addAll(bookEntries(found.subList(skip, Math.min(found.size(), skip + room)), r));
            }
            total = seriesTotal + booksPage.total();
        }
        Page<Atom.Entry> p = new Page<>(entries, total, request(page), null);
        return feed("urn:longbox:opds:search", "Search: " + q, "/search/feed", OpdsUrls.query("query", q), Atom.ACQUISITION, p,
                entries, r);
    }

    private List<Atom.Entry> seriesEntries(Page<Series> p, OpdsReader r) {
        return p.items().stream().map(s -> new Atom.Entry("urn:uuid:" + s.id(), s.title(),
                Instant.ofEpochMilli(s.updatedAt()), List.of(), s.description(), null, null,
                List.of(Atom.Link.of("subsection", r.urls().to("/series/" + s.id()), Atom.ACQUISITION)))).toList();
    }

    private List<Atom.Entry> bookEntries(List<Media> books, OpdsReader r) {
        Map<String, ProgressService.Progress> p = progress.forMedia(r.viewer().userId(), books.stream().map(m -> m.id()).toList());
        return books.stream().map(m -> book(m, p.get(m.id()), r)).toList();
    }

    private Atom.Entry book(Media m, ProgressService.Progress p, OpdsReader r) {
        OpdsUrls u = r.urls();
        List<Atom.Link> links = new ArrayList<>();
        if (r.canDownload()) {
            links.add(Atom.Link.of(Atom.REL_ACQUISITION, u.to("/books/" + m.id() + "/file/" + OpdsUrls.segment(OpdsBooks.fileName(m))),
                    OpdsBooks.mediaType(m)));
        }
        if (OpdsBooks.streamable(m)) {
            links.add(Atom.Link.of(Atom.REL_THUMBNAIL, u.to("/books/" + m.id() + "/thumbnail"), "image/jpeg"));
            links.add(Atom.Link.of(Atom.REL_IMAGE, u.to("/books/" + m.id() + "/cover"), OpdsBooks.pageType(m, 1)));
            Integer current = OpdsBooks.currentPage(p);
            // PSE 1.1: the {pageNumber} the app fills in counts from 0, but lastRead "starts at 1", as our stored page does
            links.add(new Atom.Link(Atom.PSE_STREAM, u.to("/books/" + m.id() + "/pages/") + "{pageNumber}?maxWidth={maxWidth}",
                    OpdsBooks.streamType(m), null, m.pages(), current,
                    current == null ? null : Instant.ofEpochMilli(p.active().updatedAt())));
        } else if (m.isEpub() && m.readable()) {
            links.add(Atom.Link.of(Atom.REL_THUMBNAIL, u.to("/books/" + m.id() + "/thumbnail"), "image/jpeg"));
            links.add(Atom.Link.of(Atom.REL_IMAGE, u.to("/books/" + m.id() + "/thumbnail"), "image/jpeg"));
        }
        return new Atom.Entry("urn:uuid:" + m.id(), OpdsBooks.title(m), Instant.ofEpochMilli(m.updatedAt()), OpdsBooks.authors(m),
                m.metadata().summary(), OpdsBooks.language(m), OpdsBooks.issued(m), links);
    }

    private static Atom.Entry nav(String id, String title, String summary, String path, String type, Instant updated, OpdsUrls u) {
        return new Atom.Entry("urn:longbox:opds:" + id, title, updated, List.of(), summary, null, null,
                List.of(Atom.Link.of("subsection", u.to(path), type)));
    }

    private <T> Atom.Feed feed(String id, String title, String path, Map<String, ?> query, String kind, Page<T> p,
                               List<Atom.Entry> entries, OpdsReader r) {
        OpdsUrls u = r.urls();
        int page = p.request().pageIndex();
        long lastPage = Math.max(0, (p.total() + PAGE_SIZE - 1) / PAGE_SIZE - 1);
        List<Atom.Link> links = new ArrayList<>();
        links.add(Atom.Link.of("self", u.page(path, query, page), kind));
        links.add(Atom.Link.of("start", u.to("/catalog"), Atom.NAVIGATION));
        links.add(Atom.Link.titled("search", u.to("/search"), Atom.OPENSEARCH, "Search"));
        links.add(Atom.Link.of("first", u.page(path, query, 0), kind));
        if (page > 0) {
            links.add(Atom.Link.of("previous", u.page(path, query, Math.min(page - 1, lastPage)), kind));
        }
        if (page < lastPage) {
            links.add(Atom.Link.of("next", u.page(path, query, page + 1), kind));
        }
        links.add(Atom.Link.of("last", u.page(path, query, lastPage), kind));
        Instant updated = entries.stream().map(Atom.Entry::updated).max(Comparator.naturalOrder()).orElse(startedAt);
        return new Atom.Feed(id, title, updated, links, entries,
                new Atom.Paging(p.total(), PAGE_SIZE, (long) page * PAGE_SIZE + 1));
    }

    /** Series holding a book a reading app can open (the viewer's view applies as always). */
    private static SeriesService.Filter readableSeries(String libraryId, String search, String orderBy, String direction) {
        return new SeriesService.Filter(libraryId, null, search, orderBy, direction, false).withReadableBooksOnly();
    }

    static PageRequest request(int page) {
        return PageRequest.of(Math.max(0, page), PAGE_SIZE, true, null, null);
    }
}
