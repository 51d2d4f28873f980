"""Time expressions found in text and normalised to TIMEX3: pure functions, no model.

- finder.py: which spans are time expressions (`find_time_expressions`);
- normaliser.py: a span's TIMEX3 type and value (`normalise`), trying the rules of
  calendar_dates.py, relative.py, quarters.py, durations.py and holidays.py in order;
- vocabulary.py, quantities.py, calendar_math.py: the words, numbers and date arithmetic
  both share; context.py: the anchor a value is read against and the value it yields.

component.py: the stage that runs them over an article (`dateline_times`).
"""
