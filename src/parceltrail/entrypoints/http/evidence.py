"""Buyer protection routes under /api/v1: the buyer's advice, opening a dispute, and evidence files.

- `GET  /orders/{id}/advice`: the buyer's next step (contact the seller -> open a dispute -> provide
  evidence) and by when, on the runtime's clock;
- `POST /orders/{id}/dispute`: the buyer opens a dispute before buyer protection ends (-> in_dispute);
- `GET  /orders/{id}/evidence.json` and `.pdf`: the sealed evidence file (buyer or seller of the order
  only; anyone else gets 404).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from parceltrail.adapters.documents.evidence import render_evidence
from parceltrail.bootstrap import Runtime
from parceltrail.domain.orders import OrderNotFoundError, User
from parceltrail.domain.shipment import Timeline
from parceltrail.entrypoints.http.errors import NATIVE_ERRORS
from parceltrail.entrypoints.http.orders import OrderRoute, detail_for
from parceltrail.entrypoints.http.sessions import UserReader, UserWriter
from parceltrail.services.marketplace import orders as order_service
from parceltrail.services.outlook.advice import advice_for, open_dispute
from parceltrail.services.outlook.eta import models_for
from parceltrail.services.outlook.evidence import build_evidence, to_json_bytes
from parceltrail.services.outlook.health import health_for


def _runtime(request: Request) -> Runtime:
    return request.app.state.runtime


def _id(order_id: int) -> int:
    if not 0 < order_id < 2**31:
        raise OrderNotFoundError(f"no order {order_id}")
    return order_id


def router() -> APIRouter:
    api = APIRouter(prefix="/api/v1", responses=NATIVE_ERRORS, route_class=OrderRoute)

    @api.get("/orders/{order_id}/advice", tags=["orders"])
    def advice(request: Request, user: UserReader, order_id: int) -> dict[str, Any]:
        """What the buyer should do next (wait, contact the seller, open a dispute, provide evidence,
        confirm receipt) and the deadline, from the parcels' silence health and buyer protection."""
        runtime = _runtime(request)
        now = runtime.clock.now()
        models = models_for(runtime.models, now)
        view = order_service.order_view(runtime.store, user, _id(order_id))
        healths = [health_for(Timeline(p.shipment, p.events, [p.shipment]), models, now)
                   for p in view.packages]
        return {"data": advice_for(view.order, healths, now).to_dict()}

    @api.post("/orders/{order_id}/dispute", tags=["orders"])
    def dispute(request: Request, user: UserWriter, order_id: int) -> dict[str, Any]:
        """The buyer opens a dispute (before buyer protection ends): the order becomes in_dispute."""
        runtime = _runtime(request)
        now = runtime.clock.now()
        open_dispute(runtime.store, user, _id(order_id), now)
        return {"data": detail_for(runtime, user, order_id)}

    @api.get("/orders/{order_id}/evidence.json", tags=["orders"])
    def evidence_json(request: Request, user: UserReader, order_id: int) -> Response:
        """The evidence file as JSON: the order, every tracking event with when and from where it was
        retrieved (and its raw payload's SHA-256), the anomalies, and a SHA-256 digest over the content."""
        document = _document(request, user, order_id)
        name = f"evidence-{document['order']['reference']}.json"
        return Response(to_json_bytes(document), media_type="application/json",
                        headers={"Content-Disposition": f'attachment; filename="{_safe(name)}"'})

    @api.get("/orders/{order_id}/evidence.pdf", tags=["orders"], response_class=Response,
             responses={200: {"content": {"application/pdf": {}}}})
    def evidence_pdf(request: Request, user: UserReader, order_id: int) -> Response:
        """The evidence file as PDF, with the canonical JSON and its digest embedded for verification."""
        document = _document(request, user, order_id)
        name = f"evidence-{document['order']['reference']}.pdf"
        return Response(render_evidence(document), media_type="application/pdf",
                        headers={"Content-Disposition": f'attachment; filename="{_safe(name)}"'})

    return api


def _document(request: Request, user: User, order_id: int) -> dict[str, Any]:
    runtime = _runtime(request)
    now = runtime.clock.now()
    return build_evidence(runtime.store, user, _id(order_id), now, models_for(runtime.models, now))


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name)[:120]


__all__ = ["router"]
