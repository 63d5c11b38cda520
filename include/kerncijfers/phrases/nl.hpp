#pragma once
/// \file phrases/nl.hpp
/// The Dutch phrases: the published page "Kerncijfers asiel en migratie" in its own words,
/// and sentences in the same style where the data make the page say something it does not
/// publish (a figure not available, a partial breakdown, a rounding note).

#include "kerncijfers/phrasebook.hpp"
#include "kerncijfers/text.hpp"

namespace kerncijfers::phrases {

/// Dutch, phrase id -> template (see `phrasebook.hpp`).
inline constexpr phrase_entry nl[] = {
    {phrase_id::number_0, "nul"},
    {phrase_id::number_1, "een"},
    {phrase_id::number_2, "twee"},
    {phrase_id::number_3, "drie"},
    {phrase_id::number_4, "vier"},
    {phrase_id::number_5, "vijf"},
    {phrase_id::number_6, "zes"},
    {phrase_id::number_7, "zeven"},
    {phrase_id::number_8, "acht"},
    {phrase_id::number_9, "negen"},
    {phrase_id::number_10, "tien"},
    {phrase_id::number_11, "elf"},
    {phrase_id::number_12, "twaalf"},
    {phrase_id::number_13, "dertien"},
    {phrase_id::number_14, "veertien"},
    {phrase_id::number_15, "vijftien"},
    {phrase_id::number_16, "zestien"},
    {phrase_id::number_17, "zeventien"},
    {phrase_id::number_18, "achttien"},
    {phrase_id::number_19, "negentien"},
    {phrase_id::number_20, "twintig"},
    // The month names have one home, text.hpp, which the period labels use too.
    {phrase_id::month_1, detail::month_names_nl[0]},
    {phrase_id::month_2, detail::month_names_nl[1]},
    {phrase_id::month_3, detail::month_names_nl[2]},
    {phrase_id::month_4, detail::month_names_nl[3]},
    {phrase_id::month_5, detail::month_names_nl[4]},
    {phrase_id::month_6, detail::month_names_nl[5]},
    {phrase_id::month_7, detail::month_names_nl[6]},
    {phrase_id::month_8, detail::month_names_nl[7]},
    {phrase_id::month_9, detail::month_names_nl[8]},
    {phrase_id::month_10, detail::month_names_nl[9]},
    {phrase_id::month_11, detail::month_names_nl[10]},
    {phrase_id::month_12, detail::month_names_nl[11]},
    {phrase_id::year_to_date, "{year} (t/m {month})"},
    {phrase_id::trailing, "de afgelopen {months} maanden ({window})"},
    {phrase_id::trailing_one, "de afgelopen maand ({window})"},
    {phrase_id::trailing_lead, "De afgelopen {months} maanden ({window})"},
    {phrase_id::trailing_lead_one, "De afgelopen maand ({window})"},
    {phrase_id::in_window, "in {window}"},
    {phrase_id::over_window, "over {trailing}"},
    {phrase_id::lead_in, "In {when}"},
    {phrase_id::lead_in_period, "In de periode {when}"},
    {phrase_id::list_next, "{list}, {item}"},
    {phrase_id::list_last, "{list} en {item}"},
    {phrase_id::reason, "(reden: {reason})"},
    {phrase_id::problem_incomplete_breakdown, "de gegevens splitsen niet iedereen naar nationaliteit uit"},
    {phrase_id::problem_missing_months, "de gegevens hebben niet voor elke maand van de periode een totaal"},
    {phrase_id::problem_unsplittable_rows,
     "voor een deel van de periode hebben de gegevens alleen totalen per kwartaal of jaar, die niet over de maanden "
     "te verdelen zijn"},
    {phrase_id::problem_zero_total, "het totaal is 0"},
    {phrase_id::problem_inconsistent_data,
     "de gegevens spreken elkaar tegen: de aantallen per nationaliteit tellen op tot meer dan het totaal"},
    {phrase_id::problem_undetermined_designation,
     "de bronnen zeggen niet voor elke nationaliteit en maand of het land als veilig land van herkomst was "
     "aangewezen"},
    {phrase_id::problem_missing_departures, "de gegevens bevatten niet alle vertrekcijfers voor deze periode"},
    {phrase_id::problem_overflow, "de aantallen zijn te groot om op te tellen"},
    {phrase_id::problem_inconsistent_departures,
     "de vertrekcijfers spreken elkaar tegen: criminele vreemdelingen zijn een deel van alle vreemdelingen, maar de "
     "gegevens geven hun meer vertrekken"},
    {phrase_id::source_release, "{sources}, release {release}"},
    {phrase_id::source_undated, "{sources}, ongedateerd"},
    {phrase_id::source_note, "(Bron: {sources})"},
    {phrase_id::source_note_tens, "(Bron: {sources}, afgerond op tientallen)"},
    {phrase_id::page_title, "Kerncijfers asiel en migratie, {month}"},
    {phrase_id::page_heading, "KERNCIJFERS ASIEL EN MIGRATIE, {month}"},
    {phrase_id::heading_influx, "Welke instroomcijfers maakt het ministerie bekend?"},
    {phrase_id::heading_countries, "Uit welke landen komen asielzoekers?"},
    {phrase_id::heading_nareizigers, "Uit welke landen komen nareizigers?"},
    {phrase_id::heading_departures, "Hoeveel (afgewezen) vreemdelingen vertrekken weer?"},
    {phrase_id::heading_criminal_departures, "Hoeveel criminele vreemdelingen vertrekken weer?"},
    {phrase_id::figure_number, "Fig. {number}"},
    {phrase_id::figure_title, "{category} naar nationaliteit, {window}"},
    {phrase_id::title_first_application, "Eerste asielaanvragen"},
    {phrase_id::title_repeat_application, "Herhaalde asielaanvragen"},
    {phrase_id::title_family_reunification, "Nareizigers"},
    {phrase_id::title_relocation, "Herplaatsing"},
    {phrase_id::title_resettlement, "Hervestiging"},
    {phrase_id::subject_first_application, "asielzoekers die voor het eerst een aanvraag indienden"},
    {phrase_id::subject_repeat_application, "asielzoekers die een herhaalde aanvraag indienden"},
    {phrase_id::subject_family_reunification, "nareizigers"},
    {phrase_id::subject_relocation, "herplaatste asielzoekers"},
    {phrase_id::subject_resettlement, "hervestigde vluchtelingen"},
    {phrase_id::intro_influx,
     "Het Ministerie van Justitie en Veiligheid publiceert {weekly} de {influx_figures}, oftewel het aantal "
     "asielaanvragen dat is ingediend. Dit zijn asielzoekers die naar Nederland zijn gekomen om asiel aan te vragen, "
     "al in Nederland zijn en een herhaalde asielaanvraag doen, of hier zijn gekomen om zich te herenigen met "
     "gezinsleden die al een asielvergunning hebben gekregen. Deze groep noemen we nareizigers. Ook asielzoekers die "
     "herplaatst worden in Nederland en vluchtelingen die in Nederland hervestigd worden maken deel uit van deze "
     "cijfers."},
    {phrase_id::intro_weekly, "wekelijks"},
    {phrase_id::intro_influx_figures, "instroomcijfers"},
    {phrase_id::intro_trends,
     "De Immigratie en Naturalisatie Dienst (IND) publiceert in de {monthly} {asylum_trends} hoeveel asielaanvragen "
     "zij in behandeling heeft genomen. Hierbij gaat het eveneens om het aantal eerste en herhaalde asielaanvragen en "
     "het aantal nareizigers. In de asieltrends wordt ook vermeld waar de meeste asielzoekers vandaan komen."},
    {phrase_id::intro_monthly, "maandelijkse"},
    {phrase_id::intro_asylum_trends, "asieltrends"},
    {phrase_id::distribution_unavailable,
     "De verdeling naar nationaliteit van de {subject} {when} is niet beschikbaar{reason}."},
    {phrase_id::distribution_no_breakdown, "De gegevens noemen geen nationaliteiten van de {subject} {when}."},
    {phrase_id::figures_incomplete, "Deze cijfers zijn onvolledig{reason}."},
    {phrase_id::partial_unlisted,
     "Deze cijfers bevatten alleen de nationaliteiten die in de gegevens staan: {percent} van de {subject} is niet "
     "naar nationaliteit uitgesplitst. De volgorde geldt dus alleen voor de genoemde nationaliteiten."},
    {phrase_id::share_first, "{lead} kwam {percent} van de {subject} uit {name}"},
    {phrase_id::share_next, "{percent} kwam uit {name}"},
    {phrase_id::share_second, "{percent} was afkomstig uit {name}"},
    {phrase_id::share_unknown, "{percent} was {unknown}"},
    // The page separates every item of this list by a comma.
    {phrase_id::share_list_last, "{list}, {item}"},
    {phrase_id::nareizigers_unknown, "{percent} had een onbekende nationaliteit."},
    {phrase_id::nareizigers_other, "De overige {percent} van de {subject} had een andere nationaliteit."},
    {phrase_id::nareizigers_other_or_unknown,
     "De overige {percent} van de {subject} had een andere of onbekende nationaliteit."},
    {phrase_id::safe_country_link, "veilig land van herkomst"},
    {phrase_id::safe_share, "Circa {percent} van de {subject} kwam uit een {safe_country}."},
    {phrase_id::safe_share_incomplete, "Dit cijfer is onvolledig{reason}."},
    {phrase_id::safe_share_unavailable,
     "Het aandeel van de {subject} dat uit een {safe_country} kwam, is niet beschikbaar{reason}."},
    {phrase_id::safe_share_bounds, "Het ligt tussen {lower} en {upper}."},
    {phrase_id::rounding_note_published,
     "(Afgerond: elk percentage is afzonderlijk afgerond, daardoor telt de hele verdeling van {window} op tot "
     "{sum}.)"},
    {phrase_id::rounding_note, "(Afgerond: de hele verdeling van {window} telt op tot {sum}.)"},
    {phrase_id::departures_rounding_note_published,
     "(Afgerond: beide percentages zijn afzonderlijk afgerond en tellen samen op tot {sum}.)"},
    {phrase_id::departures_rounding_note, "(Afgerond: beide percentages tellen samen op tot {sum}.)"},
    {phrase_id::departures_all_aim,
     "De inzet van het kabinet is om vreemdelingen zoveel mogelijk zelfstandig te laten vertrekken."},
    {phrase_id::departures_all_total,
     "{lead} zijn ongeveer {count} vreemdelingen die niet in Nederland mochten blijven, vertrokken."},
    {phrase_id::departures_all_unavailable,
     "Het aantal vreemdelingen dat niet in Nederland mocht blijven en in {when} is vertrokken, is niet "
     "beschikbaar{reason}."},
    {phrase_id::departures_all_who,
     "Het gaat niet alleen om afgewezen asielzoekers maar ook om bijvoorbeeld mensen die illegaal in Nederland "
     "verblijven en mensen van wie de vergunning is ingetrokken of niet meer geldig is."},
    {phrase_id::departures_all_supervised,
     "Het aantal vreemdelingen dat onder toezicht van de overheid Nederland heeft verlaten, is {percent}."},
    {phrase_id::departures_how_left,
     "Het kan daarbij gaan om vreemdelingen die zelfstandig zijn vertrokken, of Nederland gedwongen hebben verlaten."},
    {phrase_id::departures_all_unsupervised,
     "Het aandeel vreemdelingen dat op eigen gelegenheid is vertrokken bedraagt {percent}."},
    {phrase_id::departures_all_sources,
     "Deze cijfers zijn afkomstig van de Dienst Terugkeer en Vertrek, de Internationale Organisatie voor Migratie, "
     "de Koninklijke Marechaussee en de politie."},
    {phrase_id::departures_criminal_part,
     "Het vertrek van criminele vreemdelingen is een onderdeel van bovenstaande vertrekcijfers."},
    {phrase_id::departures_criminal_total,
     "{lead} zijn ongeveer {count} criminele vreemdelingen vertrokken tijdens of aansluitend aan hun "
     "gevangenisstraf."},
    {phrase_id::departures_criminal_unavailable,
     "Het aantal criminele vreemdelingen dat in {when} is vertrokken tijdens of aansluitend aan hun gevangenisstraf, "
     "is niet beschikbaar{reason}."},
    {phrase_id::departures_criminal_supervised,
     "Het aandeel criminele vreemdelingen dat onder toezicht van de overheid Nederland heeft verlaten, is "
     "{percent}."},
    {phrase_id::departures_criminal_unsupervised,
     "Het aandeel vreemdelingen dat op eigen gelegenheid is vertrokken bedraagt {percent}."},
    {phrase_id::departures_criminal_release,
     "Sinds 2012 komen zij niet meer in aanmerking voor voorwaardelijke invrijheidstelling. Wel kunnen zij ervoor "
     "kiezen om de opgelegde vrijheidsstraf te onderbreken op voorwaarde dat zij Nederland verlaten en niet meer "
     "terugkomen. Komen zij wel terug, dan moeten zij de resterende straf alsnog uitzitten."},
    {phrase_id::table_unavailable, "Niet beschikbaar{reason}."},
    {phrase_id::table_nationality, "Nationaliteit"},
    {phrase_id::table_count, "Aantal"},
    {phrase_id::table_share, "Aandeel"},
    {phrase_id::table_total, "Totaal"},
    {phrase_id::row_other, "Overig"},
    {phrase_id::row_other_or_unknown, "Andere of onbekende nationaliteit"},
    {phrase_id::row_unlisted, "Niet naar nationaliteit uitgesplitst"},
};

// Compiles only when the table is complete; the error names the phrase that is not.
static_assert(phrase_table_is_complete<nl>());

}  // namespace kerncijfers::phrases
