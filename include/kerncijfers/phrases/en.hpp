#pragma once
/// \file phrases/en.hpp
/// The English phrases: the page "Kerncijfers asiel en migratie" translated sentence by
/// sentence, with the Dutch term kept in brackets where the English one is not established
/// ("family members joining refugees (nareizigers)").

#include "kerncijfers/phrasebook.hpp"
#include "kerncijfers/text.hpp"

namespace kerncijfers::phrases {

/// English, phrase id -> template (see `phrasebook.hpp`).
inline constexpr phrase_entry en[] = {
    {phrase_id::number_0, "zero"},
    {phrase_id::number_1, "one"},
    {phrase_id::number_2, "two"},
    {phrase_id::number_3, "three"},
    {phrase_id::number_4, "four"},
    {phrase_id::number_5, "five"},
    {phrase_id::number_6, "six"},
    {phrase_id::number_7, "seven"},
    {phrase_id::number_8, "eight"},
    {phrase_id::number_9, "nine"},
    {phrase_id::number_10, "ten"},
    {phrase_id::number_11, "eleven"},
    {phrase_id::number_12, "twelve"},
    {phrase_id::number_13, "thirteen"},
    {phrase_id::number_14, "fourteen"},
    {phrase_id::number_15, "fifteen"},
    {phrase_id::number_16, "sixteen"},
    {phrase_id::number_17, "seventeen"},
    {phrase_id::number_18, "eighteen"},
    {phrase_id::number_19, "nineteen"},
    {phrase_id::number_20, "twenty"},
    // The month names have one home, text.hpp, which the period labels use too.
    {phrase_id::month_1, detail::month_names_en[0]},
    {phrase_id::month_2, detail::month_names_en[1]},
    {phrase_id::month_3, detail::month_names_en[2]},
    {phrase_id::month_4, detail::month_names_en[3]},
    {phrase_id::month_5, detail::month_names_en[4]},
    {phrase_id::month_6, detail::month_names_en[5]},
    {phrase_id::month_7, detail::month_names_en[6]},
    {phrase_id::month_8, detail::month_names_en[7]},
    {phrase_id::month_9, detail::month_names_en[8]},
    {phrase_id::month_10, detail::month_names_en[9]},
    {phrase_id::month_11, detail::month_names_en[10]},
    {phrase_id::month_12, detail::month_names_en[11]},
    {phrase_id::year_to_date, "{year} (through {month})"},
    {phrase_id::trailing, "the past {months} months ({window})"},
    {phrase_id::trailing_one, "the past month ({window})"},
    {phrase_id::trailing_lead, "Over the past {months} months ({window})"},
    {phrase_id::trailing_lead_one, "Over the past month ({window})"},
    {phrase_id::in_window, "in {window}"},
    {phrase_id::over_window, "over {trailing}"},
    {phrase_id::lead_in, "In {when}"},
    {phrase_id::lead_in_period, "In the period {when}"},
    {phrase_id::list_next, "{list}, {item}"},
    {phrase_id::list_last, "{list} and {item}"},
    {phrase_id::reason, "(reason: {reason})"},
    {phrase_id::problem_incomplete_breakdown, "the data do not break everyone down by nationality"},
    {phrase_id::problem_missing_months, "the data do not have a total for every month of the period"},
    {phrase_id::problem_unsplittable_rows,
     "for part of the period the data have only quarterly or yearly totals, which cannot be divided over the "
     "months"},
    {phrase_id::problem_zero_total, "the total is 0"},
    {phrase_id::problem_inconsistent_data,
     "the data contradict each other: the counts by nationality add up to more than the total"},
    {phrase_id::problem_undetermined_designation,
     "the sources do not say for every nationality and month whether the country was designated a safe country of "
     "origin"},
    {phrase_id::problem_missing_departures, "the data do not hold every departure figure for this period"},
    {phrase_id::problem_overflow, "the counts are too large to add up"},
    {phrase_id::problem_inconsistent_departures,
     "the departure figures contradict each other: criminal foreign nationals are a part of all foreign nationals, "
     "but the data give them more departures"},
    {phrase_id::source_release, "{sources}, release {release}"},
    {phrase_id::source_undated, "{sources}, undated"},
    {phrase_id::source_note, "(Source: {sources})"},
    {phrase_id::source_note_tens, "(Source: {sources}, rounded to tens)"},
    {phrase_id::page_title, "Key figures asylum and migration, {month}"},
    {phrase_id::page_heading, "KEY FIGURES ASYLUM AND MIGRATION, {month}"},
    {phrase_id::heading_influx, "Which influx figures does the ministry publish?"},
    {phrase_id::heading_countries, "Which countries do asylum seekers come from?"},
    {phrase_id::heading_nareizigers, "Which countries do family members joining refugees come from?"},
    {phrase_id::heading_departures, "How many (rejected) foreign nationals leave again?"},
    {phrase_id::heading_criminal_departures, "How many criminal foreign nationals leave again?"},
    {phrase_id::figure_number, "Fig. {number}"},
    {phrase_id::figure_title, "{category} by nationality, {window}"},
    {phrase_id::title_first_application, "First asylum applications"},
    {phrase_id::title_repeat_application, "Repeat asylum applications"},
    {phrase_id::title_family_reunification, "Family members joining refugees (nareizigers)"},
    {phrase_id::title_relocation, "Relocation"},
    {phrase_id::title_resettlement, "Resettlement"},
    {phrase_id::subject_first_application, "first-time asylum applicants"},
    {phrase_id::subject_repeat_application, "repeat asylum applicants"},
    {phrase_id::subject_family_reunification, "family members joining refugees"},
    {phrase_id::subject_relocation, "relocated asylum seekers"},
    {phrase_id::subject_resettlement, "resettled refugees"},
    {phrase_id::intro_influx,
     "The Ministry of Justice and Security publishes the {weekly} {influx_figures}: the number of asylum "
     "applications submitted. These are asylum seekers who came to the Netherlands to apply for asylum, who are "
     "already in the Netherlands and submit a repeat asylum application, or who came here to be reunited with family "
     "members who have already been granted an asylum permit. We call this group family members joining refugees "
     "(nareizigers). Asylum seekers relocated to the Netherlands and refugees resettled in the Netherlands are also "
     "part of these figures."},
    {phrase_id::intro_weekly, "weekly"},
    {phrase_id::intro_influx_figures, "influx figures"},
    {phrase_id::intro_trends,
     "The Immigration and Naturalisation Service (IND) publishes in its {monthly} {asylum_trends} how many asylum "
     "applications it has taken into processing. These too are the numbers of first and repeat asylum applications "
     "and of family members joining refugees. The asylum trends also state where most asylum seekers come from."},
    {phrase_id::intro_monthly, "monthly"},
    {phrase_id::intro_asylum_trends, "asylum trends"},
    {phrase_id::distribution_unavailable, "The breakdown by nationality of {subject} {when} is not available{reason}."},
    {phrase_id::distribution_no_breakdown, "The data name no nationalities of {subject} {when}."},
    {phrase_id::figures_incomplete, "These figures are incomplete{reason}."},
    {phrase_id::partial_unlisted,
     "These figures cover only the nationalities in the data: {percent} of {subject} are not broken down by "
     "nationality. The ranking therefore holds only among the nationalities listed."},
    {phrase_id::share_first, "{lead}, {percent} of {subject} came from {name}"},
    {phrase_id::share_next, "{percent} from {name}"},
    {phrase_id::share_second, "{percent} came from {name}"},
    {phrase_id::share_unknown, "{percent} had an unknown nationality"},
    {phrase_id::share_list_last, "{list} and {item}"},
    {phrase_id::nareizigers_unknown, "{percent} had an unknown nationality."},
    {phrase_id::nareizigers_other, "The remaining {percent} had another nationality."},
    {phrase_id::nareizigers_other_or_unknown, "The remaining {percent} had another or an unknown nationality."},
    {phrase_id::safe_country_link, "safe country of origin"},
    {phrase_id::safe_share, "About {percent} of {subject} came from a {safe_country}."},
    {phrase_id::safe_share_incomplete, "This figure is incomplete{reason}."},
    {phrase_id::safe_share_unavailable,
     "The share of {subject} who came from a {safe_country} is not available{reason}."},
    {phrase_id::safe_share_bounds, "It lies between {lower} and {upper}."},
    {phrase_id::rounding_note_published,
     "(Rounded: each percentage is rounded on its own, so the full breakdown for {window} adds up to {sum}.)"},
    {phrase_id::rounding_note, "(Rounded: the full breakdown for {window} adds up to {sum}.)"},
    {phrase_id::departures_rounding_note_published,
     "(Rounded: both percentages are rounded on their own and add up to {sum}.)"},
    {phrase_id::departures_rounding_note, "(Rounded: both percentages add up to {sum}.)"},
    {phrase_id::departures_all_aim,
     "The government aims to have foreign nationals leave independently as much as possible."},
    {phrase_id::departures_all_total,
     "{lead}, about {count} foreign nationals who were not allowed to stay in the Netherlands left."},
    {phrase_id::departures_all_unavailable,
     "The number of foreign nationals who were not allowed to stay in the Netherlands and left in {when} is not "
     "available{reason}."},
    {phrase_id::departures_all_who,
     "This concerns not only rejected asylum seekers but also, for example, people staying in the Netherlands "
     "illegally and people whose residence permit has been withdrawn or is no longer valid."},
    {phrase_id::departures_all_supervised,
     "The share of foreign nationals who left the Netherlands under government supervision is {percent}."},
    {phrase_id::departures_how_left, "They may have left independently or have been forced to leave the Netherlands."},
    {phrase_id::departures_all_unsupervised,
     "The share of foreign nationals who left on their own, without supervision, is {percent}."},
    {phrase_id::departures_all_sources,
     "These figures come from the Repatriation and Departure Service, the International Organization for Migration, "
     "the Royal Netherlands Marechaussee and the police."},
    {phrase_id::departures_criminal_part,
     "The departure of criminal foreign nationals is part of the departure figures above."},
    {phrase_id::departures_criminal_total,
     "{lead}, about {count} criminal foreign nationals left during or directly after their prison sentence."},
    {phrase_id::departures_criminal_unavailable,
     "The number of criminal foreign nationals who left during or directly after their prison sentence in {when} is "
     "not available{reason}."},
    {phrase_id::departures_criminal_supervised,
     "The share of criminal foreign nationals who left the Netherlands under government supervision is {percent}."},
    {phrase_id::departures_criminal_unsupervised,
     "The share who left on their own, without supervision, is {percent}."},
    {phrase_id::departures_criminal_release,
     "Since 2012 they are no longer eligible for conditional early release. They can, however, choose to interrupt "
     "their prison sentence on condition that they leave the Netherlands and do not return. If they do return, they "
     "must still serve the rest of their sentence."},
    {phrase_id::table_unavailable, "Not available{reason}."},
    {phrase_id::table_nationality, "Nationality"},
    {phrase_id::table_count, "Count"},
    {phrase_id::table_share, "Share"},
    {phrase_id::table_total, "Total"},
    {phrase_id::row_other, "Other"},
    {phrase_id::row_other_or_unknown, "Other or unknown nationality"},
    {phrase_id::row_unlisted, "Not broken down by nationality"},
};

// Compiles only when the table is complete; the error names the phrase that is not.
static_assert(phrase_table_is_complete<en>());

}  // namespace kerncijfers::phrases
