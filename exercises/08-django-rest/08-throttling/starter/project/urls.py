from django.urls import path

from api import views

urlpatterns = [
    path("api/quote/", views.QuoteView.as_view(), name="quote"),
    path("api/contact/", views.ContactView.as_view(), name="contact"),
]
