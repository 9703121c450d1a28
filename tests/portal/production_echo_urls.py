"""The portal's URLs and /__client__/ (see production_echo_settings.py)."""

from django.http import JsonResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from portal.proxies import client_ip
from portal.urls import urlpatterns as portal_urlpatterns


# Never kept by the front cache: each answer is about its own request.
@never_cache
def client(request):
    return JsonResponse({"ip": client_ip(request), "secure": request.is_secure()})


urlpatterns = [path("__client__/", client), *portal_urlpatterns]
