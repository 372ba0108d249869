package org.longbox.opds;

import org.longbox.http.AuthenticationDocument;
import org.longbox.library.Library;
import org.longbox.library.LibraryService;
import org.longbox.library.Media;
import org.longbox.library.MediaService;
import org.longbox.library.Series;
import org.longbox.library.SeriesService;
import org.longbox.server.Page;
import org.longbox.server.PageRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The OPDS 2.0 feeds and publications, from the same services and viewer rules as everything
 * else, with only books a reading app can open (READY) and series holding one, chosen in SQL. Lists are paged with 1-based {@code page}, 20 a page; an empty list is a navigation link
 * back to the catalog (the schema wants every feed to hold something).
 */
public final class Opds2Catalog {
    public static final int PAGE_SIZE = 20;
    private static final int GROUP_SIZE = 10;

    private final LibraryService libraries;
    private final SeriesService series;
    private final MediaService media;

    public Opds2Catalog(LibraryService libraries, SeriesService series, MediaService media) {
        this.libraries = libraries;
        this.series = series;
        this.media = media;
    }

    public Opds2.Feed root(OpdsReader r) {
        OpdsUrls u = r.urls();
        List<Opds2.Link> navigation = List.of(
                Opds2.Link.nav(u.to("/libraries"), "Libraries", Opds2.FEED),
                Opds2.Link.nav(u.to("/series"), "All series", Opds2.FEED),
                Opds2.Link.nav(u.to("/books/browse"), "All books", Opds2.FEED),
                Opds2.Link.nav(u.to("/books/latest"), "Latest books", Opds2.FEED),
                Opds2.Link.nav(u.to("/books/keep-reading"), "Keep reading", Opds2.FEED));
        List<Opds2.Group> groups = new ArrayList<>();
        Page<Library> libs = libraries.list(r.viewer(), PageRequest.of(1, GROUP_SIZE, false, null, null));
        if (!libs.items().isEmpty()) {
            groups.add(new Opds2.Group(Opds2.Metadata.titled("Libraries"), List.of(Opds2.Link.of("self", u.to("/libraries"), Opds2.FEED)),
                    libs.items().stream().map(l -> Opds2.Link.nav(u.to("/libraries/" + l.id()), l.name(), Opds2.FEED)).toList(), null));
        }
        List<Media> reading = media.keepReading(r.viewer(), PageRequest.of(1, GROUP_SIZE, false, null, null), true).items();
        if (!reading.isEmpty()) {
            groups.add(new Opds2.Group(Opds2.Metadata.titled("Keep reading"),
                    List.of(Opds2.Link.of("self", u.to("/books/keep-reading"), Opds2.FEED)), null, publications(reading, r)));
        }
        List<Media> latest = media.first(r.viewer(), MediaService.Filter.none().readableOnly().orderedBy("created_at", "desc"), GROUP_SIZE);
        if (!latest.isEmpty()) {
            groups.add(new Opds2.Group(Opds2.Metadata.titled("Latest books"),
                    List.of(Opds2.Link.of("self", u.to("/books/latest"), Opds2.FEED)), null, publications(latest, r)));
        }
        return new Opds2.Feed(Opds2.Metadata.titled("Longbox"), feedLinks(u, u.to("/catalog")), navigation, null,
                groups.isEmpty() ? null : groups);
    }

    public Opds2.Feed libraries(OpdsReader r, int page) {
        Page<Library> p = libraries.list(r.viewer(), request(page));
        return navigationFeed("Libraries", "/libraries", Map.of(), p,
                l -> Opds2.Link.nav(r.urls().to("/libraries/" + l.id()), l.name(), Opds2.FEED), r);
    }

    public Opds2.Feed librarySeries(OpdsReader r, String id, int page) {
        Library library = libraries.get(r.viewer(), id);
        Page<Series> p = series.list(r.viewer(), readableSeries(id, null, null, null), request(page));
        return navigationFeed(library.name(), "/libraries/" + id, Map.of(), p, s -> seriesLink(s, r), r);
    }

    public Opds2.Feed libraryBooks(OpdsReader r, String id, boolean latest, int page) {
        Library library = libraries.get(r.viewer(), id);
        MediaService.Filter f = MediaService.Filter.none().readableOnly().withLibrary(id);
        return publicationFeed(library.name() + (latest ? ": latest books" : ": books"),
                "/libraries/" + id + (latest ? "/books/latest" : "/books"), Map.of(),
                media.list(r.viewer(), latest ? f.orderedBy("created_at", "desc") : f, request(page)), r);
    }

    public Opds2.Feed allSeries(OpdsReader r, int page) {
        Page<Series> p = series.list(r.viewer(), readableSeries(null, null, null, null), request(page));
        return navigationFeed("All series", "/series", Map.of(), p, s -> seriesLink(s, r), r);
    }

    public Opds2.Feed seriesBooks(OpdsReader r, String id, int page) {
        Series s = series.find(r.viewer(), id);
        return publicationFeed(s.name(), "/series/" + id, Map.of(),
                media.list(r.viewer(), MediaService.Filter.none().readableOnly().withSeries(id), request(page)), r);
    }

    public Opds2.Feed books(OpdsReader r, String which, int page) {
        return switch (which) {
            case "latest" -> publicationFeed("Latest books", "/books/latest", Map.of(),
                    media.list(r.viewer(), MediaService.Filter.none().readableOnly().orderedBy("created_at", "desc"), request(page)), r);
            case "keep-reading" -> publicationFeed("Keep reading", "/books/keep-reading", Map.of(),
                    media.keepReading(r.viewer(), request(page), true), r);
            default -> publicationFeed("All books", "/books/browse", Map.of(),
                    media.list(r.viewer(), MediaService.Filter.none().readableOnly(), request(page)), r);
        };
    }

    /**
     * Series and books matching the query, as two groups paged together: page n holds the n-th 20
     * of each (a group with nothing on that page is left out), and the feed's paging links run to
     * the last page of the longer group.
     */
    public Opds2.Feed search(OpdsReader r, String query, int page) {
        String q = query == null ? "" : query.trim();
        List<Opds2.Group> groups = new ArrayList<>();
        long last = 1;
        if (!q.isEmpty()) {
            Page<Series> s = series.list(r.viewer(), readableSeries(null, q, null, null), request(page));
            if (!s.items().isEmpty()) {
                groups.add(new Opds2.Group(metadata("Series", s), null, s.items().stream().map(x -> seriesLink(x, r)).toList(), null));
            }
            Page<Media> b = media.list(r.viewer(), MediaService.Filter.none().readableOnly().withSearch(q), request(page));
            if (!b.items().isEmpty()) {
                groups.add(new Opds2.Group(metadata("Books", b), null, null, publications(b.items(), r)));
            }
            last = Math.max(lastPage(s.total()), lastPage(b.total()));
        }
        Opds2.Metadata metadata = new Opds2.Metadata("Search: " + q, null, null, request(page).currentPage(), null);
        List<Opds2.Link> links = pagingLinks("/search", OpdsUrls.query("query", q), request(page).currentPage(), last, r);
        if (groups.isEmpty()) {
            return new Opds2.Feed(metadata, links, nothing(r.urls()), null, null);
        }
        return new Opds2.Feed(metadata, links, null, null, groups);
    }

    /** One book as an OPDS publication, with its pages as a reading order when they are images. */
    public Opds2.Publication publication(OpdsReader r, Media m) {
        return Opds2Publications.of(m, r, true);
    }

    List<Opds2.Publication> publications(List<Media> books, OpdsReader r) {
        return books.stream().map(m -> Opds2Publications.of(m, r, false)).toList();
    }

    private Opds2.Link seriesLink(Series s, OpdsReader r) {
        return Opds2.Link.nav(r.urls().to("/series/" + s.id()), s.title(), Opds2.FEED);
    }

    private <T> Opds2.Feed navigationFeed(String title, String path, Map<String, ?> query, Page<T> p,
                                          Function<T, Opds2.Link> link, OpdsReader r) {
        List<Opds2.Link> nav = p.items().stream().map(link).toList();
        return new Opds2.Feed(metadata(title, p), pagingLinks(path, query, p, r), nav.isEmpty() ? nothing(r.urls()) : nav, null, null);
    }

    private Opds2.Feed publicationFeed(String title, String path, Map<String, ?> query, Page<Media> p, OpdsReader r) {
        List<Opds2.Link> links = pagingLinks(path, query, p, r);
        if (p.items().isEmpty()) {
            return new Opds2.Feed(metadata(title, p), links, nothing(r.urls()), null, null);
        }
        return new Opds2.Feed(metadata(title, p), links, null, publications(p.items(), r), null);
    }

    private static List<Opds2.Link> nothing(OpdsUrls u) {
        return List.of(new Opds2.Link(u.to("/catalog"), Opds2.FEED, "start", "Nothing here yet: back to the catalog",
                null, null, null, null));
    }

    private static Opds2.Metadata metadata(String title, Page<?> p) {
        return new Opds2.Metadata(title, (int) Math.min(Integer.MAX_VALUE, p.total()), PAGE_SIZE, p.request().currentPage(), null);
    }

    private <T> List<Opds2.Link> pagingLinks(String path, Map<String, ?> query, Page<T> p, OpdsReader r) {
        return pagingLinks(path, query, p.request().currentPage(), lastPage(p.total()), r);
    }

    private List<Opds2.Link> pagingLinks(String path, Map<String, ?> query, int page, long last, OpdsReader r) {
        OpdsUrls u = r.urls();
        List<Opds2.Link> links = feedLinks(u, u.page(path, query, page));
        links.add(Opds2.Link.of("first", u.page(path, query, 1), Opds2.FEED));
        if (page > 1) {
            links.add(Opds2.Link.of("previous", u.page(path, query, Math.min(page - 1, last)), Opds2.FEED));
        }
        if (page < last) {
            links.add(Opds2.Link.of("next", u.page(path, query, page + 1), Opds2.FEED));
        }
        links.add(Opds2.Link.of("last", u.page(path, query, last), Opds2.FEED));
        return links;
    }

    /** The last 1-based page of a list of {@code total} (1 when it is empty). */
    private static long lastPage(long total) {
        return Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    private static List<Opds2.Link> feedLinks(OpdsUrls u, String self) {
        List<Opds2.Link> links = new ArrayList<>();
        links.add(Opds2.Link.of("self", self, Opds2.FEED));
        links.add(Opds2.Link.of("start", u.to("/catalog"), Opds2.FEED));
        links.add(new Opds2.Link(u.to("/search") + "{?query}", Opds2.FEED, "search", null, true, null, null, null));
        links.add(Opds2.Link.of(AuthenticationDocument.REL, u.to("/auth"), AuthenticationDocument.MEDIA_TYPE));
        return links;
    }

    /** Series holding a book a reading app can open (the viewer's view applies as always). */
    private static SeriesService.Filter readableSeries(String libraryId, String search, String orderBy, String direction) {
        return new SeriesService.Filter(libraryId, null, search, orderBy, direction, false).withReadableBooksOnly();
    }

    static PageRequest request(int page) {
        return PageRequest.of(Math.max(1, page), PAGE_SIZE, false, null, null);
    }
}
