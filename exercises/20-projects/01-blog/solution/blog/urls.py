from django.urls import path

from blog import views

urlpatterns = [
    path("accounts/register/", views.register, name="register"),
    path("accounts/login/", views.login_view, name="login"),
    path("accounts/logout/", views.logout_view, name="logout"),
    path("accounts/me/", views.me, name="me"),
    path("posts/", views.posts, name="posts"),
    path("posts/<int:post_id>/", views.post_detail, name="post-detail"),
    path("posts/<int:post_id>/edit/", views.edit_post, name="edit-post"),
    path("posts/<int:post_id>/delete/", views.delete_post, name="delete-post"),
    path("posts/<int:post_id>/comments/", views.add_comment, name="add-comment"),
    path("comments/<int:comment_id>/delete/", views.delete_comment, name="delete-comment"),
]
