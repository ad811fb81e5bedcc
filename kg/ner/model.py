"""The HanLP tagger parkkg trains: a character BiLSTM-CRF with the CRF fixed.

hanlp 2.1.x builds ``RNNTaggingModel``'s CRF as ``CRF(n_out, crf_constraints)``, so
the CRF's ``batch_first`` receives ``None`` and Viterbi decodes along the wrong
axis (dev F1 stays 0.0). The subclass sets ``batch_first = True`` after building
the model, which runs both when training and when a saved model is loaded:
``hanlp.load(folder)`` re-creates this class from the classpath in config.json.
Import this module only where hanlp is installed.
"""
from __future__ import annotations

from hanlp.components.ner.rnn_ner import RNNNamedEntityRecognizer


class ParkNER(RNNNamedEntityRecognizer):
    """RNNNamedEntityRecognizer whose CRF decodes (batch, time) tensors as built."""

    def build_model(self, **kwargs):
        model = super().build_model(**kwargs)
        if getattr(model, "crf", None) is not None:
            model.crf.batch_first = True
        return model
