"""Train parkkg's own NER model: silver labels from the rule pipeline, a HanLP RNN-CRF tagger.

``kg.ner.silver`` turns pipeline results into character-level BIO sentences (pure
functions, no torch); ``kg.ner.train`` trains and saves the tagger (needs the
``hanlp`` extra); ``kg.ner.model`` holds the tagger class that saved models name.
"""
