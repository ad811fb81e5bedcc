"""The HanLP tagger parkkg trains: a character BiLSTM-CRF with the CRF fixed.

hanlp 2.1.x builds ``RNNTaggingModel``'s CRF as ``CRF(n_out, crf_constraints)``, so
the CRF's ``batch_first`` receives ``None`` and Viterbi decodes along the wrong
axis (dev F1 stays 0.0). The subclass sets ``batch_first = True`` after building
the model, which runs both when training and when a saved model is loaded:
``hanlp.load(folder)`` re-creates this class from the classpath in config.json.
It also trains without decoding each training batch (see ``fit_dataloader``).
Without hanlp this module defines nothing (so that doctest collection still imports it).
"""
from __future__ import annotations

try:
    from hanlp.components.ner.rnn_ner import RNNNamedEntityRecognizer
except ImportError:  # no extra: importing ParkNER fails, and kg.ner.train names the install command
    RNNNamedEntityRecognizer = None

if RNNNamedEntityRecognizer is not None:

    class ParkNER(RNNNamedEntityRecognizer):
        """RNNNamedEntityRecognizer whose CRF decodes (batch, time) tensors as built."""

        def build_model(self, **kwargs):
            model = super().build_model(**kwargs)
            if getattr(model, "crf", None) is not None:
                model.crf.batch_first = True
            return model

        def fit_dataloader(self, trn, criterion, optimizer, metric, logger=None, ratio_width=None, **kwargs):
            """One epoch, without Viterbi-decoding every training batch (HanLP's does, to log a
            training F1): that decoding costs about as much as the step itself on a CPU."""
            from torch import nn

            self.model.train()
            total = 0.0
            for batch in trn:
                optimizer.zero_grad()
                out, mask = self.feed_batch(batch)
                loss = self.compute_loss(criterion, out, batch["tag_id"], mask)
                loss.backward()
                nn.utils.clip_grad_norm_(self.model.parameters(), 5.0)
                optimizer.step()
                total += loss.item()
            if logger:
                logger.info(f"training loss {total / max(1, len(trn)):.4f}")
