"""The contact form: which fields it shows (`fields`), how a Person maps to form values and back
to a patch (`mapping`, `values`, `dates`), how typed values are checked (`validation`,
`problems`), and how values read in a comparison (`describe`). Those modules import no Textual,
so the mapping is tested on its own; `widgets` draws the form."""
