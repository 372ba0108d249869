package org.longbox.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComicInfoTest {
    @Test
    void everyFieldOfTheSchemaIsRead() {
        String xml = """
                <?xml version="1.0" encoding="utf-8"?>
                <ComicInfo xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <Title> The Long Box </Title>
                  <Series>Longbox Tales</Series>
                  <Number>12.5</Number>
                  <Volume>3</Volume>
                  <Summary>Two &amp; two.</Summary>
                  <Notes>Tagged with ComicTagger</Notes>
                  <Year>2021</Year>
                  <Month>7</Month>
                  <Day>14</Day>
                  <Writer>Ann Writer, Bob Writer ,</Writer>
                  <Penciller>Pat Pencil</Penciller>
                  <Inker>Ike Ink</Inker>
                  <Colorist>Cole Or</Colorist>
                  <Letterer>Lee Letter</Letterer>
                  <CoverArtist>Cora Cover, Pat Pencil</CoverArtist>
                  <Editor>Ed Itor</Editor>
                  <Publisher>Indie Press</Publisher>
                  <Genre>Mystery,Noir</Genre>
                  <Web>https://a.example/1 https://b.example/2</Web>
                  <PageCount>24</PageCount>
                  <LanguageISO>en</LanguageISO>
                  <Characters>Alice, Bob</Characters>
                  <Teams>The Team</Teams>
                  <AgeRating>Teen</AgeRating>
                  <Pages><Page Image="0" Type="FrontCover"/></Pages>
                </ComicInfo>""";
        BookMetadata m = ComicInfo.parse(xml.getBytes());
        assertEquals("The Long Box", m.title());
        assertEquals("Longbox Tales", m.series());
        assertEquals(12.5, m.number());
        assertEquals(3, m.volume());
        assertEquals("Two & two.", m.summary());
        assertEquals("Tagged with ComicTagger", m.notes());
        assertEquals(2021, m.year());
        assertEquals(7, m.month());
        assertEquals(14, m.day());
        assertEquals(List.of("Ann Writer", "Bob Writer"), m.writers());
        assertEquals(List.of("Pat Pencil"), m.pencillers());
        assertEquals(List.of("Ike Ink"), m.inkers());
        assertEquals(List.of("Cole Or"), m.colorists());
        assertEquals(List.of("Lee Letter"), m.letterers());
        assertEquals(List.of("Cora Cover", "Pat Pencil"), m.coverArtists());
        assertEquals(List.of("Ed Itor"), m.editors());
        assertEquals("Indie Press", m.publisher());
        assertEquals(List.of("Mystery", "Noir"), m.genres());
        assertEquals(List.of("https://a.example/1", "https://b.example/2"), m.links());
        assertEquals(24, m.pageCount());
        assertEquals("en", m.language());
        assertEquals(List.of("Alice", "Bob"), m.characters());
        assertEquals(List.of("The Team"), m.teams());
        assertEquals("Teen", m.ageRating());
    }

    @Test
    void unknownValuesAreAbsent() {
        BookMetadata m = ComicInfo.parse("""
                <ComicInfo><Number>#1</Number><Year>-1</Year><Month>13</Month><Volume>-1</Volume>
                <AgeRating>Unknown</AgeRating><Writer>  </Writer><PageCount>0</PageCount></ComicInfo>""".getBytes());
        assertSame(BookMetadata.EMPTY, m);
    }

    @Test
    void aMonthWithoutAYearOrADayWithoutAMonthIsDropped() {
        BookMetadata m = ComicInfo.parse("<ComicInfo><Year>1999</Year><Day>3</Day></ComicInfo>".getBytes());
        assertEquals(1999, m.year());
        assertNull(m.month());
        assertNull(m.day());
    }

    @Test
    void commaDecimalNumbersAreAccepted() {
        assertEquals(1.5, ComicInfo.parse("<ComicInfo><Number>1,5</Number></ComicInfo>".getBytes()).number());
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
                <ComicInfo><Title>&lol4;</Title></ComicInfo>""";
        assertSame(BookMetadata.EMPTY, ComicInfo.parse(bomb.getBytes()));
    }
}
