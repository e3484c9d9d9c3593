"""Domain errors answer with their status (400 or 409) and their Chinese message."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from .errors import DomainError


def exception_handler(exc, context):
    if isinstance(exc, DomainError):
        body = {"detail": exc.message, "code": exc.code}
        if exc.field:
            body["field"] = exc.field
        row_errors = getattr(exc, "errors", None)
        if row_errors:  # a ledger import: every bad cell, so the user can fix them all at once
            body["errors"] = [{"row": e.row, "column": e.column, "message": e.message} for e in row_errors]
        return Response(body, status=exc.status_code)
    if isinstance(exc, DjangoValidationError):
        return Response({"detail": ";".join(exc.messages), "code": "invalid"}, status=status.HTTP_400_BAD_REQUEST)
    return drf_exception_handler(exc, context)
