from django.shortcuts import get_object_or_404
from django.urls import reverse
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from tasks.models import Task
from tasks.serializers import TaskSerializer


class TaskList(APIView):
    """/tasks/: GET lists the tasks, POST creates one."""

    def get(self, request):
        return Response([])


class TaskDetail(APIView):
    """/tasks/<pk>/: GET, PUT, PATCH and DELETE one task."""

    def get(self, request, pk):
        return Response({})
